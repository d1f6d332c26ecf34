import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { addMemberSchema } from "@/lib/members";
import { inviteMember, listInvitations, listMembers } from "@/lib/members/server";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["members:manage"], request);
  const [members, invitations] = await Promise.all([
    listMembers(actor.workspaceId),
    listInvitations(actor.workspaceId),
  ]);
  return Response.json({ members, invitations });
});

/** Adding a member invites them: the link in the answer is shown once. */
export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["members:manage"], request);
  const input = await parseBody(request, addMemberSchema);
  return Response.json(await inviteMember(actor, input), { status: 201 });
});
