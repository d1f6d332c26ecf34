import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseBody } from "@/lib/http/respond";
import { countAudience, previewSegmentSchema } from "@/lib/segments";

// The builder's live counts: the total and every node's, for a definition that need not be saved.
export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["segments:read"], request);
  const { definition, selfId } = await parseBody(request, previewSegmentSchema);
  return Response.json(await countAudience(actor.workspaceId, definition, { selfId }));
});
