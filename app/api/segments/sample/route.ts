import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseBody } from "@/lib/http/respond";
import { cachedAudienceSample, sampleSegmentSchema } from "@/lib/segments";

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["segments:read"], request);
  const { definition, selfId, limit } = await parseBody(request, sampleSegmentSchema);
  return Response.json(await cachedAudienceSample(actor.workspaceId, definition, limit, { selfId }));
});
