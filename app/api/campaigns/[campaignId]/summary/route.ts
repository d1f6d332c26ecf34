import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { cachedPrelaunchSummary } from "@/lib/delivery/server";
import { handle } from "@/lib/http/server";

type Context = { params: Promise<{ campaignId: string }> };

// The launch dialog's estimate: audience, skips by reason, send duration (shared by readers, cached per minute).
export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["campaigns:read"], request);
  return Response.json({ summary: await cachedPrelaunchSummary(actor.workspaceId, (await params).campaignId) });
});
