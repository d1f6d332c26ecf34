import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { calculatorRequestSchema } from "@/lib/experiments/schema";
import { planExperiment } from "@/lib/experiments/server";
import { handle, parseBody } from "@/lib/http/respond";

// The pre-launch calculator reads only: anyone who can read experiments may size one.
export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["experiments:read"], request);
  const input = await parseBody(request, calculatorRequestSchema);
  return Response.json({ plan: await planExperiment(actor.workspaceId, input) });
});
