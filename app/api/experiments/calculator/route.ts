import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { calculatorRequestSchema } from "@/lib/experiments";
import { planExperiment } from "@/lib/experiments/server";
import { handle, parseBody } from "@/lib/http/server";

// The pre-launch calculator reads only: anyone who can read experiments may size one.
export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["experiments:read"], request);
  const input = await parseBody(request, calculatorRequestSchema);
  return Response.json({ plan: await planExperiment(actor.workspaceId, input) });
});
