export { createApiKeySchema, API_KEY_KINDS, type ApiKeyKind, type CreateApiKeyInput } from "./schema";
export { limitApiKeyRate, ingestRateConfig } from "./limit-api-key-rate";
