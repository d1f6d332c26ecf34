import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import type { CampaignInput } from "./schema";

const archived = (what: string, name: string, field: string) =>
  new AppError(422, "archived", `${what} “${name}” is archived: unarchive it to send to it, or pick another.`, field);

/**
 * The checks a campaign's references must pass before it is written: the template exists and is
 * for the campaign's channel, the experiment exists, the audience exists. An archived template or
 * audience cannot be newly chosen (archiving takes it out of use); one the campaign already had
 * (`current`) stays, so editing a draft's other fields still works. (That a published version exists
 * is checked at launch: a draft campaign may wait for its template.)
 */
export async function checkReferences(
  workspaceId: string,
  input: CampaignInput,
  current?: { audience: unknown; templateId: string | null },
): Promise<void> {
  if (input.templateId) {
    const template = await db.template.findUnique({
      where: { workspaceId_id: { workspaceId, id: input.templateId } },
      select: { channel: true, name: true, archivedAt: true },
    });
    if (!template) throw new AppError(422, "invalid_template", "That template does not exist.", "templateId");
    if (template.channel !== input.channel)
      throw new AppError(
        422,
        "channel_mismatch",
        `“${template.name}” is a ${template.channel} template; this campaign sends ${input.channel}.`,
        "templateId",
      );
    if (template.archivedAt && current?.templateId !== input.templateId)
      throw archived("The template", template.name, "templateId");
  }
  if (input.experimentId) {
    const experiment = await db.experiment.findUnique({
      where: { workspaceId_id: { workspaceId, id: input.experimentId } },
      select: { id: true },
    });
    if (!experiment) throw new AppError(422, "invalid_experiment", "That experiment does not exist.", "experimentId");
  }
  await checkAudience(workspaceId, input.audience, current?.audience);
}

/**
 * The audience exists, and is not archived unless it is the one already chosen (`current`). Inside a transaction, pass
 * it: embedded PGlite runs one at a time.
 */
export async function checkAudience(
  workspaceId: string,
  audience: CampaignInput["audience"],
  current?: unknown,
  client: Tx = db,
): Promise<void> {
  if (audience.kind === "all") return;
  const { kind, id } = audience;
  const found =
    kind === "segment"
      ? await client.segment.findUnique({
          where: { workspaceId_id: { workspaceId, id } },
          select: { name: true, archivedAt: true },
        })
      : await client.persona.findUnique({
          where: { workspaceId_id: { workspaceId, id } },
          select: { name: true, archivedAt: true },
        });
  if (!found) throw new AppError(422, "invalid_audience", `That ${kind} does not exist.`, "audience.id");
  const was = current as { kind?: string; id?: string } | undefined;
  const unchanged = was?.kind === kind && was.id === id;
  if (found.archivedAt && !unchanged)
    throw archived(kind === "segment" ? "The segment" : "The persona", found.name, "audience.id");
}

/** Statuses in which the definition may still change. */
export const EDITABLE_STATUSES = new Set(["draft", "paused"]);
