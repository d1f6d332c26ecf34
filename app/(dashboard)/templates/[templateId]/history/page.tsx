import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/(dashboard)/or-not-found";
import { PageHeader } from "@/components/shell/page-header";
import { TemplateChannelIcon } from "@/components/templates/template-channel-icon";
import { VersionHistory } from "@/components/templates/version-history";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";
import type { TemplateChannel } from "@/lib/templates";
import { versionHistory } from "@/lib/templates/server";

export const metadata: Metadata = { title: "Template history" };

export default async function TemplateHistoryPage({ params }: { params: Promise<{ templateId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["templates:read"]);
  const { templateId } = await params;
  const { template, versions, compare } = await orNotFound(versionHistory(actor.workspaceId, templateId));
  const editor = can(actor.role, "templates:edit");
  const channel = template.channel as TemplateChannel;
  return (
    <>
      <PageHeader
        title={`History of “${template.name}”`}
        description={
          editor
            ? "Every version, newest first. Compare any two; restoring one copies it into the draft, and " +
              "nothing changes for recipients until you publish."
            : "Every version, newest first, with what the linter said when it was published. Compare any " +
              "two to see what changed."
        }
        actions={
          <Button variant="outline" asChild>
            <Link href={`/templates/${template.id}`}>
              <ArrowLeft className="size-4" aria-hidden /> {editor ? "Back to the editor" : "Back to the template"}
            </Link>
          </Button>
        }
      />
      <Card>
        <CardContent className="space-y-2 pt-6">
          <TemplateChannelIcon channel={channel} showLabel className="text-sm" />
          <VersionHistory
            templateId={template.id}
            channel={channel}
            versions={versions}
            compare={compare}
            canRestore={editor}
          />
        </CardContent>
      </Card>
    </>
  );
}
