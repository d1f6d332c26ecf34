import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";
import { archiveSegment } from "@/lib/segments/server";

type Context = { params: Promise<{ segmentId: string }> };

// POST archives, DELETE brings it back; both answer with who archived it and when (nulls once back).
export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["segments:edit"], request);
  return Response.json({ segment: await archiveSegment(actor, (await params).segmentId, true) });
});

export const DELETE = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["segments:edit"], request);
  return Response.json({ segment: await archiveSegment(actor, (await params).segmentId, false) });
});
