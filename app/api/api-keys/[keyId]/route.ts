import { revokeApiKey } from "@/lib/api-keys";
import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle } from "@/lib/http/respond";

export const DELETE = handle(async (request: Request, { params }: { params: Promise<{ keyId: string }> }) => {
  const actor = await requireRole(PERMISSIONS["apiKeys:manage"], request);
  const { keyId } = await params;
  return Response.json({ apiKey: await revokeApiKey(actor, keyId) });
});
