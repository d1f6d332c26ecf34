/**
 * Every TanStack Query key of the app, in one place. A domain's `all` key is the prefix of its other keys, so
 * `invalidateQueries({ queryKey: queryKeys.members.all })` refreshes every members query.
 */
export const queryKeys = {
  apiKeys: { all: ["api-keys"] as const },
  inappIdentity: { all: ["inapp-identity"] as const },
  members: { all: ["members"] as const },
  myWorkspaces: { all: ["my-workspaces"] as const },
  audit: { list: (filter: unknown) => ["audit", filter] as const },
  imports: { detail: (importId: string) => ["import", importId] as const },
  deliveryProviders: { all: ["delivery-providers"] as const },
  campaigns: {
    detail: (campaignId: string) => ["campaign", campaignId] as const,
    summary: (campaignId: string) => ["campaign-summary", campaignId] as const,
    messages: (campaignId: string, ...filters: unknown[]) => ["campaign-messages", campaignId, ...filters] as const,
  },
  journeys: {
    /** A journey's per-step figures (GET /api/journeys/[id]/stats), polled while the page is open. */
    stats: (journeyId: string) => ["journey-stats", journeyId] as const,
  },
  experiments: {
    estimate: (experimentId: string) => ["experiment-estimate", experimentId] as const,
    breakdown: (experimentId: string, kind: string) => ["experiment-breakdown", experimentId, kind] as const,
  },
  personas: {
    all: ["personas"] as const,
    size: (personaId: string, version: unknown) => ["persona-size", personaId, version] as const,
    insights: (personaId: string, version: unknown) => ["persona-insights", personaId, version] as const,
  },
  profiles: {
    list: (query: unknown) => ["profiles", query] as const,
    events: (profileId: string, name: unknown) => ["profile-events", profileId, name] as const,
  },
  catalog: {
    /** The custom traits the segment builder offers. */
    traits: ["trait-catalog"] as const,
    /** Every trait, built-in ones included (the trait catalog page). */
    allTraits: ["trait-catalog", "all"] as const,
    /** Trait names for template variables. */
    variableTraits: ["traits"] as const,
    events: ["events"] as const,
    eventNames: ["event-names"] as const,
    eventProperties: (event: string) => ["event-properties", event] as const,
  },
  segments: {
    all: ["segments"] as const,
    preview: (definitionKey: string | null, selfId?: string) => ["segment-preview", definitionKey, selfId] as const,
    sample: (definitionKey: string | null, selfId?: string) => ["segment-sample", definitionKey, selfId] as const,
  },
  templates: {
    samples: (target: unknown) => ["template-samples", target] as const,
    preview: (templateId: string, ...inputs: unknown[]) => ["template-preview", templateId, ...inputs] as const,
    diff: (templateId: string, a?: string, b?: string) => ["template-diff", templateId, a, b] as const,
  },
  ingest: {
    /** The workspace's "data as of" (GET /api/ingest/status). */
    status: ["ingest-status"] as const,
    health: ["ingest-health"] as const,
  },
  reports: {
    options: ["reports", "options"] as const,
    overview: (qs: string) => ["reports", "overview", qs] as const,
    funnel: (qs: string) => ["reports", "funnel", qs] as const,
    retention: (qs: string) => ["reports", "retention", qs] as const,
    experimentRetention: (qs: string) => ["reports", "experiment-retention", qs] as const,
    campaign: (campaignId: string) => ["reports", "campaign", campaignId] as const,
  },
};
