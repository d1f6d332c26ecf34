import { ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { renewedSessionCookie } from "@/lib/auth/session-cookie";
import { handle } from "@/lib/http/respond";
import { acceptInvitation, membershipToSwitchTo } from "@/lib/members";

/** The signed-in user joins a workspace they were invited to, and this session moves there. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ invitationId: string }> }) => {
  const actor = await requireRole(ROLES, request);
  const { memberId } = await acceptInvitation(actor, (await params).invitationId);
  const target = await membershipToSwitchTo(actor, memberId);
  const cookie = await renewedSessionCookie(request.headers.get("cookie"), {
    memberId,
    workspaceId: target.workspaceId,
    role: target.role,
  });
  return Response.json(
    { memberId, workspaceName: target.workspaceName },
    { status: 201, headers: cookie ? { "set-cookie": cookie } : {} },
  );
});
