import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { deleteSegment, getSegment, updateSegment } from "@/lib/segments/server";
import { updateSegmentSchema } from "@/lib/segments";

type Context = { params: Promise<{ segmentId: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["segments:read"], request);
  return Response.json({ segment: await getSegment(actor.workspaceId, (await params).segmentId) });
});

export const PATCH = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["segments:edit"], request);
  const input = await parseBody(request, updateSegmentSchema);
  return Response.json({ segment: await updateSegment(actor, (await params).segmentId, input) });
});

export const DELETE = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["segments:edit"], request);
  return Response.json({ segment: await deleteSegment(actor, (await params).segmentId) });
});
