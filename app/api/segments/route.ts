import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseBody, parseQuery } from "@/lib/http/respond";
import { archivedQuerySchema, createSegment, createSegmentSchema, listSegments } from "@/lib/segments";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["segments:read"], request);
  const { archived } = parseQuery(request, archivedQuerySchema);
  return Response.json({ segments: await listSegments(actor.workspaceId, { archived: archived === "show" }) });
});

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["segments:edit"], request);
  const input = await parseBody(request, createSegmentSchema);
  return Response.json({ segment: await createSegment(actor, input) }, { status: 201 });
});
