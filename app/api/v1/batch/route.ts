import { handle } from "@/lib/http/respond";
import { handleBatchRequest } from "@/lib/profiles/ingest";

// Authenticated by a workspace API key, not a session (lib/api-keys).
export const POST = handle(handleBatchRequest);
