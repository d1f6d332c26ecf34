import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { estimateLaunch } from "@/lib/experiments/server";
import { handle } from "@/lib/http/server";

type Context = { params: Promise<{ experimentId: string }> };

// What launching would do: reach after policy, exposures per arm per day, days to the planned sample, and whether it
// may launch at all.
export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["experiments:read"], request);
  return Response.json({ estimate: await estimateLaunch(actor.workspaceId, (await params).experimentId) });
});
