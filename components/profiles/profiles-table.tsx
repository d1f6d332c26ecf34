"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, Search, Users } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { formatUtc } from "@/components/format-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ProfileRow } from "@/lib/profiles/server";

const COLUMNS = [
  { key: "email", label: "Profile", sortable: true },
  { key: "country", label: "Country", sortable: false },
  { key: "ordersCount", label: "Orders", sortable: true, numeric: true },
  { key: "ltv", label: "Lifetime value", sortable: true, numeric: true },
  { key: "lastSeenAt", label: "Last seen", sortable: true },
] as const;

export function ProfilesTable() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const query = {
    q: params.get("q") ?? "",
    sort: params.get("sort") ?? "lastSeenAt",
    dir: params.get("dir") ?? "desc",
    page: params.get("page") ?? "1",
  };
  const profiles = useQuery({
    queryKey: ["profiles", query],
    queryFn: () =>
      apiFetch<{ profiles: ProfileRow[]; total: number; totalIsExact: boolean }>(
        `/api/profiles?${new URLSearchParams({ ...query, pageSize: "25" })}`,
      ),
    placeholderData: keepPreviousData,
  });

  function navigate(changes: Record<string, string>) {
    const next = new URLSearchParams({ ...query, ...changes });
    for (const [key, value] of [...next]) if (!value) next.delete(key);
    router.replace(`${pathname}?${next}`);
  }
  function onSearch(event: FormEvent) {
    event.preventDefault();
    navigate({ q: search.trim(), page: "1" });
  }
  const sortBy = (key: string) =>
    navigate({ sort: key, dir: query.sort === key && query.dir === "desc" ? "asc" : "desc", page: "1" });

  const total = profiles.data?.total ?? 0;
  const exact = profiles.data?.totalIsExact ?? true;
  const page = Number(query.page);
  const pages = Math.max(1, Math.ceil(total / 25));
  const lastPage = exact ? page >= pages : (profiles.data?.profiles.length ?? 0) < 25;

  return (
    <div className="space-y-4">
      <form onSubmit={onSearch} role="search" className="flex max-w-xl gap-2">
        <Input
          aria-label="Search profiles"
          placeholder="User id, anonymous id, e-mail or trait value"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          <Search className="size-4" aria-hidden /> Search
        </Button>
      </form>
      {profiles.isPending ? (
        <Skeleton className="h-96 w-full" />
      ) : profiles.isError ? (
        <p role="alert" className="text-sm text-destructive">
          {profiles.error.message}
        </p>
      ) : total === 0 ? (
        <EmptyState
          icon={Users}
          title={query.q ? `No profile matches “${query.q}”` : "No profiles yet"}
          description={
            query.q
              ? "Search by a full id, the start of an e-mail, or an exact trait value."
              : "Profiles appear when your apps send identify and track calls with an API key, or when you import a CSV."
          }
        />
      ) : (
        <>
          <Table aria-label="Profiles">
            <TableHeader>
              <TableRow>
                {COLUMNS.map((column) => (
                  <TableHead
                    key={column.key}
                    className={"numeric" in column ? "text-right" : undefined}
                    aria-sort={
                      query.sort === column.key ? (query.dir === "asc" ? "ascending" : "descending") : undefined
                    }
                  >
                    {column.sortable ? (
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 hover:text-foreground"
                        onClick={() => sortBy(column.key)}
                      >
                        {column.label}
                        {query.sort === column.key &&
                          (query.dir === "asc" ? (
                            <ArrowUp className="size-3" aria-hidden />
                          ) : (
                            <ArrowDown className="size-3" aria-hidden />
                          ))}
                      </button>
                    ) : (
                      column.label
                    )}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {profiles.data.profiles.map((profile) => (
                <TableRow key={profile.id}>
                  <TableCell>
                    <Link href={`/profiles/${profile.id}`} className="font-medium hover:underline">
                      {profile.email ?? profile.externalId ?? "Anonymous visitor"}
                    </Link>
                    <span className="block font-mono text-xs text-muted-foreground">
                      {profile.externalId ?? profile.id}{" "}
                      {profile.anonymous && <Badge variant="outline">anonymous</Badge>}
                    </span>
                  </TableCell>
                  <TableCell>{profile.country ?? "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{profile.ordersCount}</TableCell>
                  <TableCell className="text-right tabular-nums">{profile.ltv}</TableCell>
                  <TableCell className="tabular-nums">{formatUtc(profile.lastSeenAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <nav aria-label="Pages" className="flex items-center justify-between text-sm">
            <span className="text-muted-foreground">
              {exact ? (
                <>
                  {total.toLocaleString("en")} profile{total === 1 ? "" : "s"} · page {page} of {pages}
                </>
              ) : (
                <>
                  More than {total.toLocaleString("en")} profiles · page {page}
                </>
              )}
            </span>
            <span className="flex gap-2">
              <Button
                variant="outline"
                size="sm"
                disabled={page <= 1}
                onClick={() => navigate({ page: String(page - 1) })}
              >
                Previous
              </Button>
              <Button
                variant="outline"
                size="sm"
                disabled={lastPage}
                onClick={() => navigate({ page: String(page + 1) })}
              >
                Next
              </Button>
            </span>
          </nav>
        </>
      )}
    </div>
  );
}
