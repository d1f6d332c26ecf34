import { ROLES } from "@/lib/auth";
import { requireRole, renewedSessionCookie } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { membershipToSwitchTo, myWorkspaces } from "@/lib/members/server";
import { switchWorkspaceSchema } from "@/lib/members";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(ROLES, request);
  return Response.json(await myWorkspaces(actor));
});

/** Moves this session to another of the user's workspaces. */
export const POST = handle(async (request: Request) => {
  const actor = await requireRole(ROLES, request);
  const { memberId } = await parseBody(request, switchWorkspaceSchema);
  const target = await membershipToSwitchTo(actor, memberId);
  const cookie = await renewedSessionCookie(request.headers.get("cookie"), {
    memberId: target.memberId,
    workspaceId: target.workspaceId,
    role: target.role,
  });
  return Response.json({ workspaceName: target.workspaceName }, { headers: cookie ? { "set-cookie": cookie } : {} });
});
