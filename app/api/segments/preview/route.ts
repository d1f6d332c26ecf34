import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { cachedAudienceCounts } from "@/lib/segments/server";
import { previewSegmentSchema } from "@/lib/segments";

// The builder's live counts: the total and every node's, for a definition that need not be saved
// (cached per data version; see lib/segments/cached-audience.ts).
export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["segments:read"], request);
  const { definition, selfId } = await parseBody(request, previewSegmentSchema);
  return Response.json(await cachedAudienceCounts(actor.workspaceId, definition, { selfId }));
});
