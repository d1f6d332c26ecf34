import { Archive, FileText, Plus, SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { TemplatesFilter } from "@/components/templates/templates-filter";
import { TemplatesTable } from "@/components/templates/templates-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";
import { listTemplates } from "@/lib/templates/server";
import { listTemplatesQuerySchema } from "@/lib/templates";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageRole(PERMISSIONS["templates:read"]);
  // A bad query (an unknown channel from an old link) shows everything rather than an error page.
  const parsed = listTemplatesQuerySchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : {};
  const templates = await listTemplates(actor.workspaceId, filter);
  const filtered = Boolean(filter.channel || filter.q || filter.archived);
  // An empty list may only hide archived templates: then say so, rather than "no templates yet".
  const allArchived =
    templates.length === 0 && !filtered && (await listTemplates(actor.workspaceId, { archived: "show" })).length > 0;
  const editor = can(actor.role, "templates:edit");
  const create = (
    <Button asChild>
      <Link href="/templates/new">
        <Plus className="size-4" aria-hidden /> New template
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Templates"
        description={
          "The messages campaigns send — one per channel, in every locale, with Liquid for the " +
          "personal parts and a linter that knows each channel's limits."
        }
        actions={editor && create}
      />
      <Card>
        <CardContent className="space-y-4 pt-6">
          {(templates.length > 0 || filtered || allArchived) && (
            <TemplatesFilter
              key={`${filter.channel}-${filter.q}-${filter.archived}`}
              channel={filter.channel}
              q={filter.q}
              archived={filter.archived}
            />
          )}
          {templates.length > 0 ? (
            <TemplatesTable templates={templates} />
          ) : allArchived ? (
            <EmptyState
              icon={Archive}
              title="Every template is archived"
              description={
                "Archived templates stay out of campaign and experiment pickers and this list; tick “Show " +
                "archived” to see them and bring one back."
              }
            />
          ) : filtered ? (
            <EmptyState
              icon={SearchX}
              title="No template matches"
              description="Try another channel or a shorter part of the name."
              action={
                <Button variant="outline" asChild>
                  <Link href="/templates">Show all templates</Link>
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={FileText}
              title="No templates yet"
              description={
                editor
                  ? "A template is one message for one channel — an e-mail, an SMS, a push — written once and " +
                    'personalised per recipient with Liquid such as {{ profile.first_name | default: "there" ' +
                    "}}. Add locales for other languages; publish when the linter is happy."
                  : "Marketers write the messages here. Once they do, you will see each template's channel, " +
                    "locales and published versions, and can compare what changed between versions."
              }
              action={editor && create}
            />
          )}
        </CardContent>
      </Card>
    </>
  );
}
