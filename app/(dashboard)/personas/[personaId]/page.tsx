import { GitBranchPlus, Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/(dashboard)/or-not-found";
import { formatDay, formatUtc } from "@/components/format-time";
import { ChannelIcons } from "@/components/personas/channel-icons";
import { FreshnessBadge } from "@/components/personas/freshness-badge";
import { PersonaAvatar } from "@/components/personas/persona-avatar";
import { PersonaInsights } from "@/components/personas/persona-insights";
import { METHOD_LABELS } from "@/components/personas/persona-labels";
import { PersonaStory } from "@/components/personas/persona-story";
import { RecordValidationDialog } from "@/components/personas/record-validation-dialog";
import { ArchiveDialog } from "@/components/archive-dialog";
import { ArchivedBadge } from "@/components/archived-badge";
import { DeleteDialog } from "@/components/delete-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";
import { findPersonaDependents, getPersona } from "@/lib/personas/server";
import { RECOMMENDED_SAMPLE_SIZE } from "@/lib/personas";

export const metadata: Metadata = { title: "Persona" };

export default async function PersonaPage({ params }: { params: Promise<{ personaId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["personas:read"]);
  const { personaId } = await params;
  const persona = await orNotFound(getPersona(actor.workspaceId, personaId));
  const editor = can(actor.role, "personas:edit");
  // Only editors see the dialogs that list what uses the persona.
  const dependents = editor ? await findPersonaDependents(actor.workspaceId, persona.id) : [];
  const latest = persona.validations[0];
  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="flex items-start gap-4">
          <PersonaAvatar
            personaId={persona.id}
            name={persona.name}
            hasImage={persona.hasAvatarImage}
            size="lg"
            version={persona.updatedAt}
          />
          <div className="grid gap-1.5">
            {persona.parent && (
              <p className="text-sm text-muted-foreground">
                Sub-persona of{" "}
                <Link href={`/personas/${persona.parent.id}`} className="text-primary hover:underline">
                  {persona.parent.name}
                </Link>
              </p>
            )}
            <h1 className="text-2xl font-semibold tracking-tight">{persona.name}</h1>
            {persona.summary && <p className="text-muted-foreground">{persona.summary}</p>}
            <div className="flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
              {persona.archivedAt && <ArchivedBadge />}
              <FreshnessBadge state={persona.freshness.state} validatedAt={persona.freshness.validatedAt} />
              <ChannelIcons channels={persona.channels} />
              <span>owner {persona.ownerEmail}</span>
              <span>updated {formatUtc(persona.updatedAt)}</span>
              {persona.archivedAt && (
                <span>
                  archived {formatUtc(persona.archivedAt)}
                  {persona.archivedBy && ` by ${persona.archivedBy}`}
                </span>
              )}
            </div>
          </div>
        </div>
        {editor && (
          <div className="flex flex-wrap gap-2">
            <RecordValidationDialog personaId={persona.id} />
            {persona.segment && (
              <Button asChild variant="outline">
                <Link href={`/personas/${persona.id}/sub-personas/new`}>
                  <GitBranchPlus className="size-4" aria-hidden /> New sub-persona
                </Link>
              </Button>
            )}
            <ArchiveDialog
              url={`/api/personas/${persona.id}/archive`}
              name={persona.name}
              what="persona"
              archived={persona.archivedAt !== null}
              dependents={dependents}
            />
            <DeleteDialog
              url={`/api/personas/${persona.id}`}
              name={persona.name}
              what="persona"
              then="/personas"
              consequence={
                "The story, assumptions and validation history go; its segment and profiles stay. The audit " +
                "log keeps a record."
              }
              dependents={dependents}
              archiveUrl={persona.archivedAt ? undefined : `/api/personas/${persona.id}/archive`}
            />
            <Button asChild>
              <Link href={`/personas/${persona.id}/edit`}>
                <Pencil className="size-4" aria-hidden /> Edit
              </Link>
            </Button>
          </div>
        )}
      </div>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <div className="grid content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle className="text-base">The story</CardTitle>
              <CardDescription>What the product team believes about them.</CardDescription>
            </CardHeader>
            <CardContent>
              <PersonaStory story={persona} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">Validation</CardTitle>
              <CardDescription>
                {persona.freshness.state === "never"
                  ? "Never validated with real customers: treat the story as a hypothesis."
                  : persona.freshness.state === "stale"
                    ? `Stale since ${formatUtc(persona.freshness.staleAt)}: six months have passed since the last ` +
                      `validation.`
                    : `Fresh until ${formatUtc(persona.freshness.staleAt)}.`}
              </CardDescription>
            </CardHeader>
            <CardContent>
              {persona.validations.length === 0 ? (
                <p className="text-sm text-muted-foreground">
                  No validations recorded. Run a survey (the research recommends at least{" "}
                  {RECOMMENDED_SAMPLE_SIZE.toLocaleString("en")} responses), interviews, an analytics review or a
                  usability test, then record it here.
                </p>
              ) : (
                <ul className="divide-y text-sm">
                  {persona.validations.map((v) => (
                    <li
                      key={v.id}
                      className="py-2"
                      aria-label={`${METHOD_LABELS[v.method]} on ${formatUtc(v.validatedAt)}`}
                    >
                      <p>
                        <span className="font-medium">{METHOD_LABELS[v.method]}</span> · {formatDay(v.validatedAt)}
                        {v.sampleSize !== null && (
                          <>
                            {" "}
                            · {v.sampleSize.toLocaleString("en")} {v.sampleSize === 1 ? "person" : "people"}
                          </>
                        )}
                        {v === latest && <span className="ml-2 text-xs text-muted-foreground">latest</span>}
                      </p>
                      {v.method === "survey" && v.sampleSize !== null && v.sampleSize < RECOMMENDED_SAMPLE_SIZE && (
                        <p className="text-xs text-warning-foreground dark:text-warning">
                          Fewer than the {RECOMMENDED_SAMPLE_SIZE.toLocaleString("en")} responses the research
                          recommends.
                        </p>
                      )}
                      {v.notes && <p className="text-muted-foreground">{v.notes}</p>}
                      <p className="text-xs text-muted-foreground">recorded by {v.recordedBy}</p>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>
        <PersonaInsights persona={persona} />
      </div>
    </>
  );
}
