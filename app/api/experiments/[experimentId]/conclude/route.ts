import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { concludeExperimentSchema } from "@/lib/experiments";
import { concludeExperiment } from "@/lib/experiments/server";
import { handle, parseBody } from "@/lib/http/server";

type Context = { params: Promise<{ experimentId: string }> };

// The analyst's sign-off (experiments:conclude): a decision, a note, and optionally the winner shipped.
export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["experiments:conclude"], request);
  const input = await parseBody(request, concludeExperimentSchema);
  return Response.json({ experiment: await concludeExperiment(actor, (await params).experimentId, input) });
});
