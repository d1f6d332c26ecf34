export * from "./schema";
export { countAudience, countAudienceTotal, type AudienceCounts, type NodeCount } from "./count-audience";
export { listAudience, sampleAudience, type SampleProfile } from "./list-audience";
export { explainProfile, findProfile, type Explanation, type NodeVerdict } from "./explain-profile";
