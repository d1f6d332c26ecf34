import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { cachedAudienceSample } from "@/lib/segments/server";
import { sampleSegmentSchema } from "@/lib/segments";

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["segments:read"], request);
  const { definition, selfId, limit } = await parseBody(request, sampleSegmentSchema);
  return Response.json(await cachedAudienceSample(actor.workspaceId, definition, limit, { selfId }));
});
