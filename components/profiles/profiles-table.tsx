"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Search, Users } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { useTableUrlState } from "@/components/ui/data-table/use-table-url-state";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import type { ProfileRow } from "@/lib/profiles/server";
import { profileColumns, PROFILES_DEFAULT_SORT, profileViewDefaults } from "./profile-columns";

export function ProfilesTable() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [search, setSearch] = useState(params.get("q") ?? "");
  // The table's view (sort, page, page size) is the API's query: the server sorts and pages.
  const { view } = useTableUrlState(profileViewDefaults);
  const sort = view.sort ?? PROFILES_DEFAULT_SORT;
  const query = {
    q: params.get("q") ?? "",
    sort: sort.id,
    dir: sort.desc ? "desc" : "asc",
    page: String(view.pageIndex + 1),
    pageSize: String(view.pageSize),
  };
  const profiles = useQuery({
    queryKey: queryKeys.profiles.list(query),
    queryFn: () =>
      apiFetch<{ profiles: ProfileRow[]; total: number; totalIsExact: boolean }>(
        `/api/profiles?${new URLSearchParams(query)}`,
      ),
    placeholderData: keepPreviousData,
  });

  function onSearch(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (search.trim()) next.set("q", search.trim());
    else next.delete("q");
    next.delete("page");
    router.replace(next.size > 0 ? `${pathname}?${next}` : pathname);
  }

  const total = profiles.data?.total ?? 0;

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
              : "Profiles appear when your apps send identify and track calls with an API key, or when you " +
                "import a CSV."
          }
        />
      ) : (
        <DataTable
          columns={profileColumns}
          data={profiles.data.profiles}
          label="Profiles"
          noun={{ one: "profile", other: "profiles" }}
          getRowId={(profile) => profile.id}
          defaultSort={PROFILES_DEFAULT_SORT}
          paging={{ mode: "server", count: { total, exact: profiles.data.totalIsExact } }}
        />
      )}
    </div>
  );
}
