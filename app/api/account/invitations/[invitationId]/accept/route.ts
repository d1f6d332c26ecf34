import { ROLES } from "@/lib/auth";
import { requireRole, renewedSessionCookie } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";
import { acceptInvitation } from "@/lib/members/server";

/** The signed-in user joins a workspace they were invited to, and this session moves there. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ invitationId: string }> }) => {
  const actor = await requireRole(ROLES, request);
  const { memberId, workspaceId, role, workspaceName } = await acceptInvitation(actor, (await params).invitationId);
  const cookie = await renewedSessionCookie(request.headers.get("cookie"), { memberId, workspaceId, role });
  return Response.json({ memberId, workspaceName }, { status: 201, headers: cookie ? { "set-cookie": cookie } : {} });
});
