import { z } from "zod";
import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { getExperiment, readoutBreakdown } from "@/lib/experiments/server";
import { handle, parseQuery } from "@/lib/http/server";

type Context = { params: Promise<{ experimentId: string }> };

const querySchema = z.object({ by: z.enum(["persona", "segment"], { message: "by is persona or segment." }) });

// One breakdown tab of the readout, computed once per data version (then cached) when it is opened.
export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["experiments:read"], request);
  const { by } = parseQuery(request, querySchema);
  const experiment = await getExperiment(actor.workspaceId, (await params).experimentId);
  return Response.json({ breakdown: await readoutBreakdown(actor.workspaceId, experiment, by) });
});
