import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { prelaunchSummary } from "@/lib/delivery/server";
import { handle } from "@/lib/http/respond";

type Context = { params: Promise<{ campaignId: string }> };

// The pre-launch estimate: audience, skips by reason, send duration.
export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["campaigns:read"], request);
  return Response.json({ summary: await prelaunchSummary(actor.workspaceId, (await params).campaignId) });
});
