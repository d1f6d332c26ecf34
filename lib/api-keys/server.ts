import "server-only";

export * from "./index";
export { createApiKey } from "./create-api-key";
export { listApiKeys, type ApiKeyRow } from "./list-api-keys";
export { revokeApiKey } from "./revoke-api-key";
export { authenticateApiKey, extractApiKey } from "./authenticate-api-key";
