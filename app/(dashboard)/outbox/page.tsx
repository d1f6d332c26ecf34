import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { OutboxTable } from "@/components/templates/outbox-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { can, PERMISSIONS } from "@/lib/auth/roles";
import { AppError } from "@/lib/http/errors";
import { outboxQuerySchema } from "@/lib/templates/api-schema";
import { outboxRows } from "@/lib/templates/outbox-rows";

export const metadata: Metadata = { title: "Outbox" };

const PAGE_SIZE = 25;

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole(PERMISSIONS["templates:read"]);
  const query = outboxQuerySchema.safeParse({ ...(await searchParams), limit: PAGE_SIZE });
  const before = query.success ? query.data.before : undefined;
  // A `before` that names no message (an old link) starts over at the newest page rather than failing.
  const { messages, nextBefore } = await outboxRows(actor.workspaceId, { limit: PAGE_SIZE, before }).catch((error: unknown) => {
    if (error instanceof AppError && error.field === "before") return outboxRows(actor.workspaceId, { limit: PAGE_SIZE });
    throw error;
  });
  const editor = can(actor.role, "templates:edit");
  return (
    <>
      <PageHeader
        title="Outbox"
        description="The sandbox: every test send, rendered for its recipient exactly as they would read it. Nothing here left Tailor."
      />
      <Card>
        <CardContent className="space-y-4 pt-6">
          {messages.length === 0 && !before ? (
            <EmptyState
              icon={Inbox}
              title="No test sends yet"
              description={
                editor
                  ? "Open a template and use “Send test” in the editor: the message is rendered for the profile you pick, in their locale, and lands here instead of in their inbox. Real sends arrive with campaign delivery."
                  : "When marketers use “Send test” in the template editor, each message lands here, rendered for the profile it was sent to. Real sends arrive with campaign delivery."
              }
              action={
                <Button variant="outline" asChild>
                  <Link href="/templates">Go to templates</Link>
                </Button>
              }
            />
          ) : (
            <>
              <OutboxTable messages={messages} />
              <nav aria-label="Outbox pages" className="flex justify-end gap-2">
                {before && (
                  <Button variant="outline" size="sm" asChild>
                    <Link href="/outbox">Newest</Link>
                  </Button>
                )}
                {nextBefore && (
                  <Button variant="outline" size="sm" asChild>
                    <Link href={`/outbox?before=${nextBefore}`}>Older messages</Link>
                  </Button>
                )}
              </nav>
            </>
          )}
        </CardContent>
      </Card>
    </>
  );
}
