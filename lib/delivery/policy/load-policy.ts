import { db, type Tx } from "@/lib/db/client";
import { DEFAULT_POLICY, policySchema, type WorkspacePolicy } from "./schema";

export type StoredPolicy = {
  policy: WorkspacePolicy;
  saved: boolean;
  updatedAt: Date | null;
  updatedById: string | null;
};

type PolicyRow = { caps: unknown; quietHours: unknown; defaultTimezone: string; topics: unknown };

/** A stored row as a policy; a part that no longer validates (an edit by hand) falls back to its default. */
export function policyFromRow(row: PolicyRow | null): WorkspacePolicy {
  if (!row) return DEFAULT_POLICY;
  const whole = policySchema.safeParse({
    caps: row.caps,
    quietHours: row.quietHours,
    defaultTimezone: row.defaultTimezone,
    topics: row.topics,
  });
  if (whole.success) return whole.data;
  const part = <K extends keyof WorkspacePolicy>(key: K, value: unknown): WorkspacePolicy[K] => {
    const parsed = policySchema.safeParse({ ...DEFAULT_POLICY, [key]: value });
    return parsed.success ? parsed.data[key] : DEFAULT_POLICY[key];
  };
  return {
    caps: part("caps", row.caps),
    quietHours: part("quietHours", row.quietHours),
    defaultTimezone: part("defaultTimezone", row.defaultTimezone),
    topics: part("topics", row.topics),
  };
}

/** The policy with when and by whom it was saved (saved: false → the defaults). */
export async function loadStoredPolicy(workspaceId: string, client: Tx = db): Promise<StoredPolicy> {
  const row = await client.policy.findUnique({ where: { workspaceId } });
  return {
    policy: policyFromRow(row),
    saved: row !== null,
    updatedAt: row?.updatedAt ?? null,
    updatedById: row?.updatedById ?? null,
  };
}

/** The workspace's send policy; DEFAULT_POLICY for a workspace that never saved one. */
export async function loadPolicy(workspaceId: string, client: Tx = db): Promise<WorkspacePolicy> {
  return (await loadStoredPolicy(workspaceId, client)).policy;
}

/** The timezone for profiles without one (the scheduler's "local time" sends). */
export async function defaultTimezoneOf(workspaceId: string, client: Tx = db): Promise<string> {
  return (await loadPolicy(workspaceId, client)).defaultTimezone;
}
