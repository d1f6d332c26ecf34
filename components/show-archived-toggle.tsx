"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useOptimistic, useSyncExternalStore, useTransition } from "react";

const noSubscription = () => () => {};

/** The "Show archived" filter of a list, kept in the URL (`archived=show`) with the list's other filters. */
export function ShowArchivedToggle({ shown }: { shown: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  // Ticked at once, while the list reloads; and disabled until hydrated, when a tick would do nothing.
  const [checked, setChecked] = useOptimistic(shown);
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const toggle = (show: boolean) => {
    const next = new URLSearchParams(search);
    if (show) next.set("archived", "show");
    else next.delete("archived");
    startTransition(() => {
      setChecked(show);
      router.replace(next.size > 0 ? `${pathname}?${next}` : pathname, { scroll: false });
    });
  };
  return (
    <label className="flex w-fit items-center gap-2 text-sm" aria-busy={pending || undefined}>
      <input
        type="checkbox"
        className="size-4 accent-primary"
        checked={checked}
        disabled={!hydrated}
        onChange={(e) => toggle(e.target.checked)}
      />
      Show archived
    </label>
  );
}
