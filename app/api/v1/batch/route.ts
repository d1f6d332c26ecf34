import { handle } from "@/lib/http/server";
import { handleBatchRequest } from "@/lib/profiles/server";

// Authenticated by a workspace API key, not a session (lib/api-keys).
export const POST = handle(handleBatchRequest);
