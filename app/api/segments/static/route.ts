import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseBody } from "@/lib/http/respond";
import { createStaticSegment, createStaticSegmentSchema } from "@/lib/segments";

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["segments:edit"], request);
  const input = await parseBody(request, createStaticSegmentSchema);
  return Response.json({ report: await createStaticSegment(actor, input) }, { status: 201 });
});
