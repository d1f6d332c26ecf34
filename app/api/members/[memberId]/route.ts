import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseBody } from "@/lib/http/respond";
import { updateMember, updateMemberSchema } from "@/lib/members";

export const PATCH = handle(async (request: Request, { params }: { params: Promise<{ memberId: string }> }) => {
  const actor = await requireRole(PERMISSIONS["members:manage"], request);
  const input = await parseBody(request, updateMemberSchema);
  const { memberId } = await params;
  return Response.json({ member: await updateMember(actor, memberId, input) });
});
