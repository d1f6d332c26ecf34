import type { Tx } from "@/lib/db/client";
import { mergeCampaignRecipients } from "@/lib/delivery/campaign-recipients";
import { mergeExposures } from "@/lib/experiments/record-exposures";
import type { Merge } from "./resolve-identities";
import { mergeProfileSql, recomputeTraitsSql, recordMergeSql } from "./sql";

/** Folds each anonymous profile into its known one and records the merge with the events it moved. */
export async function mergeProfiles(tx: Tx, workspaceId: string, merges: Merge[]): Promise<void> {
  for (const merge of merges) {
    const [moveEvents, ...rest] = mergeProfileSql(workspaceId, merge.from, merge.into);
    const eventsMoved = await tx.$executeRaw(moveEvents!);
    for (const statement of rest) await tx.$executeRaw(statement);
    // Reports count a person once per campaign: the two profiles' recipient rows become one.
    await mergeCampaignRecipients(tx, workspaceId, merge.from, merge.into);
    // An experiment counts a person once: the two profiles' exposures become one unit (its readout follows by trigger).
    await mergeExposures(tx, workspaceId, merge.from, merge.into);
    await tx.$executeRaw(recomputeTraitsSql(workspaceId, [merge.into]));
    await tx.$executeRaw(recordMergeSql(workspaceId, merge, eventsMoved));
  }
}
