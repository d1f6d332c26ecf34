import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { sendTest } from "@/lib/templates/server";
import { testSendSchema } from "@/lib/templates";

type Context = { params: Promise<{ templateId: string }> };

export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["templates:edit"], request);
  const input = await parseBody(request, testSendSchema);
  return Response.json({ message: await sendTest(actor, (await params).templateId, input) }, { status: 201 });
});
