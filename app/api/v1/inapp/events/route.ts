import { authenticateApiKey, extractApiKey } from "@/lib/api-keys/server";
import { limitApiKeyRate } from "@/lib/api-keys";
import { INAPP_CORS_HEADERS, inAppEventSchema, withInAppCors } from "@/lib/delivery";
import { recordInAppEvent, verifyUserHash } from "@/lib/delivery/server";
import { errorResponse, parseBody } from "@/lib/http/server";

/** POST /api/v1/inapp/events {userId, userHash, messageId, type: impression | click | dismiss} with a client key. */
export async function POST(request: Request): Promise<Response> {
  try {
    const { workspaceId, keyId } = await authenticateApiKey(extractApiKey(request.headers), "client");
    limitApiKeyRate(keyId);
    const input = await parseBody(request, inAppEventSchema);
    await verifyUserHash(workspaceId, input.userId, input.userHash);
    return withInAppCors(Response.json(await recordInAppEvent(workspaceId, input)));
  } catch (error) {
    return withInAppCors(errorResponse(error));
  }
}

export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: INAPP_CORS_HEADERS });
}
