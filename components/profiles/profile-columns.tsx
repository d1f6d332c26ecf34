import Link from "next/link";
import { formatUtc } from "@/components/format-time";
import { Badge } from "@/components/ui/badge";
import { tableViewDefaults, type ColumnDef } from "@/components/ui/data-table";
import type { ProfileRow } from "@/lib/profiles/server";

/**
 * The profiles explorer's columns. The server sorts and pages (a million rows), so a column is
 * sortable only where /api/profiles takes it as `sort`: the ids are its sort keys.
 */
export const profileColumns: ColumnDef<ProfileRow>[] = [
  {
    id: "email",
    header: "Profile",
    accessorFn: (profile) => profile.email,
    enableHiding: false,
    cell: ({ row: { original: profile } }) => (
      <>
        <Link href={`/profiles/${profile.id}`} className="font-medium hover:underline">
          {profile.email ?? profile.externalId ?? "Anonymous visitor"}
        </Link>
        <span className="block font-mono text-xs text-muted-foreground">
          {profile.externalId ?? profile.id} {profile.anonymous && <Badge variant="outline">anonymous</Badge>}
        </span>
      </>
    ),
  },
  { id: "country", header: "Country", enableSorting: false, cell: ({ row }) => row.original.country ?? "—" },
  {
    id: "ordersCount",
    accessorFn: (profile) => profile.ordersCount,
    header: "Orders",
    sortDescFirst: true,
    meta: { className: "text-right", cellClassName: "tabular-nums" },
    cell: ({ row }) => row.original.ordersCount,
  },
  {
    id: "ltv",
    accessorFn: (profile) => profile.ltv,
    header: "Lifetime value",
    sortDescFirst: true,
    meta: { className: "text-right", cellClassName: "tabular-nums" },
    cell: ({ row }) => row.original.ltv,
  },
  {
    id: "lastSeenAt",
    accessorFn: (profile) => profile.lastSeenAt,
    header: "Last seen",
    sortDescFirst: true,
    meta: { cellClassName: "tabular-nums" },
    cell: ({ row }) => formatUtc(row.original.lastSeenAt),
  },
];

export const PROFILES_DEFAULT_SORT = { id: "lastSeenAt", desc: true };
export const profileViewDefaults = tableViewDefaults(profileColumns, PROFILES_DEFAULT_SORT);
