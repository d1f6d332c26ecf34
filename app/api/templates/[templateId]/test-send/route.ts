import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseBody } from "@/lib/http/respond";
import { sendTest, testSendSchema } from "@/lib/templates/server";

type Context = { params: Promise<{ templateId: string }> };

export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["templates:edit"], request);
  const input = await parseBody(request, testSendSchema);
  return Response.json({ message: await sendTest(actor, (await params).templateId, input) }, { status: 201 });
});
