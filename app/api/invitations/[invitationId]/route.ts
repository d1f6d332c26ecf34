import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle } from "@/lib/http/respond";
import { revokeInvitation } from "@/lib/members";

export const DELETE = handle(async (request: Request, { params }: { params: Promise<{ invitationId: string }> }) => {
  const actor = await requireRole(PERMISSIONS["members:manage"], request);
  await revokeInvitation(actor, (await params).invitationId);
  return Response.json({ ok: true });
});
