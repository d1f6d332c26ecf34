import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { experimentInputSchema } from "@/lib/experiments/schema";
import { getExperiment, updateExperiment } from "@/lib/experiments/server";
import { handle, parseBody } from "@/lib/http/respond";

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
