export { ingestCalls, type ItemResult, type IngestOptions } from "./ingest-calls";
export { handleBatchRequest, handleSingleRequest, SINGLE_TYPES } from "./http";
export { ingestItemSchema, batchEnvelopeSchema, LIMITS, type IngestItem } from "./schema";
