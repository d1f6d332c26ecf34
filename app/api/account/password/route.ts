import { changePassword } from "@/lib/auth/change-password";
import { changePasswordSchema } from "@/lib/auth/change-password-schema";
import { ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseBody } from "@/lib/http/respond";

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(ROLES, request);
  const input = await parseBody(request, changePasswordSchema);
  await changePassword(actor, input);
  return Response.json({ ok: true });
});
