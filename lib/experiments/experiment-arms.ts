import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { sendOptionSchema, type SendOption } from "./schema";

export type ExperimentArms = {
  salt: string;
  holdoutShare: number;
  variants: { key: string; weight: number; versionId: string | null; sendOption: SendOption | null }[];
};

/** What the sender needs to split a campaign's audience: pass salt, variants and holdoutShare to assignArm. */
export async function experimentArms(workspaceId: string, experimentId: string): Promise<ExperimentArms> {
  const experiment = await db.experiment.findUnique({
    where: { workspaceId_id: { workspaceId, id: experimentId } },
    select: { salt: true, holdoutShare: true, variants: { orderBy: { position: "asc" } } },
  });
  if (!experiment) throw notFound("The experiment");
  return {
    salt: experiment.salt,
    holdoutShare: experiment.holdoutShare,
    variants: experiment.variants.map((v) => ({
      key: v.key,
      weight: v.weight,
      versionId: v.versionId,
      sendOption: v.sendOption === null ? null : sendOptionSchema.parse(v.sendOption),
    })),
  };
}
