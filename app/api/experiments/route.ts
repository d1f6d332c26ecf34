import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { experimentInputSchema } from "@/lib/experiments";
import { createExperiment, listExperiments } from "@/lib/experiments/server";
import { handle, parseBody } from "@/lib/http/server";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["experiments:read"], request);
  return Response.json({ experiments: await listExperiments(actor.workspaceId) });
});

// Creates the draft experiment and the draft campaign that will send it.
export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["experiments:edit"], request);
  const input = await parseBody(request, experimentInputSchema);
  return Response.json({ experiment: await createExperiment(actor, input) }, { status: 201 });
});
