import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { updateMember } from "@/lib/members/server";
import { updateMemberSchema } from "@/lib/members";

export const PATCH = handle(async (request: Request, { params }: { params: Promise<{ memberId: string }> }) => {
  const actor = await requireRole(PERMISSIONS["members:manage"], request);
  const input = await parseBody(request, updateMemberSchema);
  const { memberId } = await params;
  return Response.json({ member: await updateMember(actor, memberId, input) });
});
