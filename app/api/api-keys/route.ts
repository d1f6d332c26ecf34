import { createApiKey, listApiKeys } from "@/lib/api-keys/server";
import { createApiKeySchema } from "@/lib/api-keys";
import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["apiKeys:manage"], request);
  return Response.json({ apiKeys: await listApiKeys(actor.workspaceId) });
});

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["apiKeys:manage"], request);
  const input = await parseBody(request, createApiKeySchema);
  return Response.json(await createApiKey(actor, input), { status: 201 });
});
