import { changePassword, requireRole, renewedSessionCookie } from "@/lib/auth/server";
import { changePasswordSchema, ROLES } from "@/lib/auth";
import { handle, parseBody } from "@/lib/http/server";

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(ROLES, request, { allowPasswordChange: true });
  const input = await parseBody(request, changePasswordSchema);
  const epoch = await changePassword(actor, input);
  // Every other session of this user has ended; this one carries on with the new epoch.
  const cookie = await renewedSessionCookie(request.headers.get("cookie"), { epoch });
  return Response.json({ ok: true }, { headers: cookie ? { "set-cookie": cookie } : {} });
});
