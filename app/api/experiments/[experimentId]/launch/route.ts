import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { campaignLauncher, launchExperiment } from "@/lib/experiments/server";
import { handle } from "@/lib/http/server";

type Context = { params: Promise<{ experimentId: string }> };

// Launching an experiment is launching its campaign (marketers and admins).
export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["experiments:edit"], request);
  return Response.json({ experiment: await launchExperiment(actor, (await params).experimentId, campaignLauncher) });
});
