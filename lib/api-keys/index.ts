export { createApiKey } from "./create-api-key";
export { listApiKeys, type ApiKeyRow } from "./list-api-keys";
export { revokeApiKey } from "./revoke-api-key";
export { authenticateApiKey, extractApiKey } from "./authenticate-api-key";
export { createApiKeySchema, API_KEY_KINDS, type ApiKeyKind, type CreateApiKeyInput } from "./schema";
export { limitApiKeyRate, ingestRateConfig } from "./limit-api-key-rate";
