import { revokeApiKey } from "@/lib/api-keys/server";
import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";

export const DELETE = handle(async (request: Request, { params }: { params: Promise<{ keyId: string }> }) => {
  const actor = await requireRole(PERMISSIONS["apiKeys:manage"], request);
  const { keyId } = await params;
  return Response.json({ apiKey: await revokeApiKey(actor, keyId) });
});
