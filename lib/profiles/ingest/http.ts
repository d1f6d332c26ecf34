import { authenticateApiKey, extractApiKey } from "@/lib/api-keys/authenticate-api-key";
import { limitApiKeyRate } from "@/lib/api-keys/limit-api-key-rate";
import { AppError } from "@/lib/http/errors";
import { captureCalls } from "../intake/capture-calls";
import type { ItemResult } from "./ingest-calls";
import { readJsonBody } from "./read-body";
import { tooDeepAt } from "./nesting";
import { batchEnvelopeSchema, LIMITS } from "./schema";

export const SINGLE_TYPES = ["identify", "track", "alias", "page", "screen"] as const;

function summary(results: ItemResult[]) {
  const count = (status: ItemResult["status"]) => results.filter((r) => r.status === status).length;
  const accepted = count("accepted");
  const duplicates = count("duplicate");
  const rejected = count("rejected");
  // Nothing stored and something refused: the request as a whole was bad input.
  return {
    status: accepted + duplicates === 0 && rejected > 0 ? 400 : 200,
    body: { success: rejected === 0, accepted, duplicates, rejected },
  };
}

/**
 * POST /api/v1/batch (and /v1/batch): up to 500 calls, 512 KB (after decompressing a gzip body), 32 KB per call; a
 * result per call.
 */
export async function handleBatchRequest(request: Request): Promise<Response> {
  const body = await readJsonBody(request, LIMITS.batchBytes, "batch");
  const { workspaceId, keyId } = await authenticateApiKey(extractApiKey(request.headers, body));
  limitApiKeyRate(keyId);
  const envelope = batchEnvelopeSchema.parse(body);
  if (tooDeepAt({ context: envelope.context }, LIMITS.depth)) {
    throw new AppError(400, "invalid_input", `Nest objects and arrays at most ${LIMITS.depth} levels deep.`, "context");
  }
  envelope.batch.forEach((item, index) => {
    // An item nested too deep is refused on its own by ingestCalls (measuring it could overflow the stack).
    if (tooDeepAt(item, LIMITS.depth)) return;
    if (Buffer.byteLength(JSON.stringify(item)) > LIMITS.itemBytes) {
      throw new AppError(
        413,
        "item_too_large",
        `Item ${index} is larger than ${LIMITS.itemBytes / 1024} KB.`,
        `batch.${index}`,
      );
    }
  });
  const results = await captureCalls(workspaceId, envelope.batch, {
    sentAt: envelope.sentAt,
    context: envelope.context,
  });
  const { status, body: counts } = summary(results);
  return Response.json({ ...counts, results }, { status });
}

/** POST /api/v1/{identify|track|alias|page|screen}: one call, answered like a batch of one. */
export async function handleSingleRequest(request: Request, type: string): Promise<Response> {
  if (!(SINGLE_TYPES as readonly string[]).includes(type))
    throw new AppError(404, "not_found", `There is no /api/v1/${type}; use ${SINGLE_TYPES.join(", ")} or batch.`);
  const body = await readJsonBody(request, LIMITS.itemBytes, "(body)");
  const { workspaceId, keyId } = await authenticateApiKey(extractApiKey(request.headers, body));
  limitApiKeyRate(keyId);
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new AppError(400, "invalid_input", "The body must be a JSON object.", "(body)");
  const [result] = await captureCalls(workspaceId, [{ ...body, type }]);
  if (result!.status === "rejected")
    throw new AppError(400, "invalid_input", `${result!.field}: ${result!.reason}`, result!.field);
  return Response.json({ success: true, result });
}
