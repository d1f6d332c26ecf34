import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { getReadout } from "@/lib/experiments/server";
import { handle } from "@/lib/http/server";

type Context = { params: Promise<{ experimentId: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["experiments:read"], request);
  // Breakdowns only when cached: the page loads each tab on demand (…/readout/breakdown).
  return Response.json({
    readout: await getReadout(actor.workspaceId, (await params).experimentId, { breakdowns: "cached" }),
  });
});
