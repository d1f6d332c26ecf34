import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { experimentInputSchema } from "@/lib/experiments";
import { getExperiment, updateExperiment } from "@/lib/experiments/server";
import { handle, parseBody } from "@/lib/http/server";

type Context = { params: Promise<{ experimentId: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["experiments:read"], request);
  return Response.json({ experiment: await getExperiment(actor.workspaceId, (await params).experimentId) });
});

// The whole definition again (drafts only): the editor sends what it shows.
export const PUT = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["experiments:edit"], request);
  const input = await parseBody(request, experimentInputSchema);
  return Response.json({ experiment: await updateExperiment(actor, (await params).experimentId, input) });
});
