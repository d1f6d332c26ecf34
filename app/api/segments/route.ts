import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseBody } from "@/lib/http/respond";
import { createSegment, createSegmentSchema, listSegments } from "@/lib/segments";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["segments:read"], request);
  return Response.json({ segments: await listSegments(actor.workspaceId) });
});

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["segments:edit"], request);
  const input = await parseBody(request, createSegmentSchema);
  return Response.json({ segment: await createSegment(actor, input) }, { status: 201 });
});
