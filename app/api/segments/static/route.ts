import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { createStaticSegment } from "@/lib/segments/server";
import { createStaticSegmentSchema } from "@/lib/segments";

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["segments:edit"], request);
  const input = await parseBody(request, createStaticSegmentSchema);
  return Response.json({ report: await createStaticSegment(actor, input) }, { status: 201 });
});
