import { changePassword } from "@/lib/auth/change-password";
import { changePasswordSchema } from "@/lib/auth/change-password-schema";
import { ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { renewedSessionCookie } from "@/lib/auth/session-cookie";
import { handle, parseBody } from "@/lib/http/respond";

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(ROLES, request, { allowPasswordChange: true });
  const input = await parseBody(request, changePasswordSchema);
  const epoch = await changePassword(actor, input);
  // Every other session of this user has ended; this one carries on with the new epoch.
  const cookie = await renewedSessionCookie(request.headers.get("cookie"), { epoch });
  return Response.json({ ok: true }, { headers: cookie ? { "set-cookie": cookie } : {} });
});
