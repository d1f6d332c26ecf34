import Link from "next/link";
import { formatAgo, formatUtc } from "@/components/format-time";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { TemplateListItem } from "@/lib/templates/server";
import { ArchivedBadge } from "@/components/archived-badge";
import { TemplateChannelIcon } from "./template-channel-icon";

export function TemplatesTable({ templates }: { templates: TemplateListItem[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Channel</TableHead>
          <TableHead>Locales</TableHead>
          <TableHead>Last published</TableHead>
          <TableHead>Draft</TableHead>
          <TableHead>Used by</TableHead>
          <TableHead>Owner</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {templates.map((t) => (
          <TableRow key={t.id}>
            <TableCell>
              <div className="flex items-center gap-2">
                <Link href={`/templates/${t.id}`} className="font-medium text-primary hover:underline">
                  {t.name}
                </Link>
                {t.archivedAt && <ArchivedBadge />}
              </div>
              {t.description && (
                <p className="max-w-48 truncate text-xs text-muted-foreground" title={t.description}>
                  {t.description}
                </p>
              )}
            </TableCell>
            <TableCell className="text-sm whitespace-nowrap">
              <TemplateChannelIcon channel={t.channel} showLabel />
            </TableCell>
            <TableCell>
              <ul className="flex gap-1" aria-label={`Locales of ${t.name}`}>
                {t.locales.map((l) => (
                  <li key={l}>
                    <Badge variant={l === "default" ? "secondary" : "outline"}>{l}</Badge>
                  </li>
                ))}
              </ul>
            </TableCell>
            <TableCell className="text-sm whitespace-nowrap">
              {t.lastPublished ? (
                <>
                  v{t.lastPublished.version.toLocaleString("en")}
                  {/* The line break is visual; read aloud (and as text) it stays one phrase. */}
                  <span className="sr-only"> · </span>
                  <span className="block text-xs text-muted-foreground">{formatUtc(t.lastPublished.publishedAt)}</span>
                </>
              ) : (
                <span className="text-muted-foreground">never published</span>
              )}
            </TableCell>
            <TableCell className="text-sm whitespace-nowrap">
              {t.draft ? (
                <>
                  draft v{t.draft.version.toLocaleString("en")}
                  <span className="sr-only"> · </span>
                  <span className="block text-xs text-muted-foreground">edited {formatAgo(t.draft.updatedAt)}</span>
                </>
              ) : (
                <span className="text-muted-foreground">no draft</span>
              )}
            </TableCell>
            <TableCell className="text-sm">
              {t.usedBy.length > 0 ? (
                t.usedBy.map((c) => c.name).join(", ")
              ) : (
                <Tooltip>
                  <TooltipTrigger asChild>
                    <button
                      type="button"
                      className="cursor-help text-muted-foreground"
                      aria-label={`Used by: no campaigns yet. Campaigns using ${t.name} will be listed here.`}
                    >
                      —
                    </button>
                  </TooltipTrigger>
                  <TooltipContent>Campaigns using this template will be listed here.</TooltipContent>
                </Tooltip>
              )}
            </TableCell>
            <TableCell className="text-sm">{t.ownerEmail}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
