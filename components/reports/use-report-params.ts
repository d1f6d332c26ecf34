"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";

/**
 * A report's filters live in the URL (shareable, survive a reload): read them as a plain object,
 * change some with set(); undefined or "" removes a parameter. set() patches the URL as it is at the
 * moment of the call (with any change the router has not rendered yet) — so two quick changes (a period, then a
 * campaign, before the router re-renders) both stick instead of the second undoing the first.
 */
export function useReportParams() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // The query of a replace the router has not rendered yet: the next set() builds on it.
  const pending = useRef<string | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [searchParams]);
  const params = useMemo(() => Object.fromEntries(searchParams.entries()) as Record<string, string>, [searchParams]);
  const set = useCallback(
    (patch: Record<string, string | number | undefined>) => {
      const next = new URLSearchParams(pending.current ?? searchParams.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined || value === "") next.delete(key);
        else next.set(key, String(value));
      }
      const qs = next.toString();
      pending.current = qs;
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [pathname, router, searchParams],
  );
  return { params, set, queryString: searchParams.toString() };
}
