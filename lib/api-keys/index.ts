export { createApiKey } from "./create-api-key";
export { listApiKeys, type ApiKeyRow } from "./list-api-keys";
export { revokeApiKey } from "./revoke-api-key";
export { authenticateApiKey, extractApiKey } from "./authenticate-api-key";
export { createApiKeySchema, type CreateApiKeyInput } from "./schema";
export { limitApiKeyRate, ingestRateConfig } from "./limit-api-key-rate";
