import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody, parseQuery } from "@/lib/http/server";
import { archivedQuerySchema, createSegmentSchema } from "@/lib/segments";
import { createSegment, listSegments } from "@/lib/segments/server";

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
