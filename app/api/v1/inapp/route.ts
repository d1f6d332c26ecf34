import { authenticateApiKey, extractApiKey } from "@/lib/api-keys/server";
import { limitApiKeyRate } from "@/lib/api-keys";
import { INAPP_CORS_HEADERS, inboxQuerySchema, withInAppCors } from "@/lib/delivery";
import { listInbox, verifyUserHash } from "@/lib/delivery/server";
import { errorResponse, parseQuery } from "@/lib/http/server";

/**
 * GET /api/v1/inapp?userId=<external id>&userHash=<hex HMAC> with a client (publishable) key: the
 * user's in-app inbox, once the hash proves the customer's server vouches for that user.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const { workspaceId, keyId } = await authenticateApiKey(extractApiKey(request.headers), "client");
    limitApiKeyRate(keyId);
    const { userId, userHash } = parseQuery(request, inboxQuerySchema);
    await verifyUserHash(workspaceId, userId, userHash);
    return withInAppCors(Response.json({ messages: await listInbox(workspaceId, userId) }));
  } catch (error) {
    return withInAppCors(errorResponse(error));
  }
}

export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: INAPP_CORS_HEADERS });
}
