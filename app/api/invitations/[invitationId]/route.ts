import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";
import { revokeInvitation } from "@/lib/members/server";

export const DELETE = handle(async (request: Request, { params }: { params: Promise<{ invitationId: string }> }) => {
  const actor = await requireRole(PERMISSIONS["members:manage"], request);
  await revokeInvitation(actor, (await params).invitationId);
  return Response.json({ ok: true });
});
