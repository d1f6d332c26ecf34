import { createApiKey, createApiKeySchema, listApiKeys } from "@/lib/api-keys";
import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseBody } from "@/lib/http/respond";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["apiKeys:manage"], request);
  return Response.json({ apiKeys: await listApiKeys(actor.workspaceId) });
});

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["apiKeys:manage"], request);
  const input = await parseBody(request, createApiKeySchema);
  return Response.json(await createApiKey(actor, input), { status: 201 });
});
