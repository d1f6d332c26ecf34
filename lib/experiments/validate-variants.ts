import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { variantKey, type ExperimentInput } from "./schema";

export type ResolvedVariant = {
  key: string;
  name: string;
  weight: number;
  position: number;
  versionId: string;
  templateId: string;
  sendOption: ExperimentInput["variants"][number]["sendOption"];
};

/**
 * Every variant sends a published version of a template of the experiment's channel; a send-option
 * variant without its own version sends the control's. Bad references are 400s naming the field.
 */
export async function resolveVariants(tx: Tx, workspaceId: string, input: ExperimentInput): Promise<ResolvedVariant[]> {
  const ids = [...new Set(input.variants.flatMap((v) => (v.versionId ? [v.versionId] : [])))];
  const versions = await tx.templateVersion.findMany({
    where: { workspaceId, id: { in: ids } },
    select: { id: true, status: true, templateId: true, template: { select: { channel: true, name: true } } },
  });
  const byId = new Map(versions.map((v) => [v.id, v]));
  const control = input.variants[0]!;
  return input.variants.map((v, position) => {
    const versionId = v.versionId ?? control.versionId!;
    const version = byId.get(versionId);
    const field = `variants.${v.versionId ? position : 0}.versionId`;
    if (!version)
      throw new AppError(
        400,
        "invalid_input",
        `Variant ${variantKey(position)}: that template version does not exist.`,
        field,
      );
    if (version.status === "draft")
      throw new AppError(
        400,
        "invalid_input",
        `Variant ${variantKey(position)}: ${version.template.name} — publish this version before testing it.`,
        field,
      );
    if (version.template.channel !== input.channel) {
      throw new AppError(
        400,
        "invalid_input",
        `Variant ${variantKey(position)}: ${version.template.name} is a ${version.template.channel} ` +
          `template; this experiment sends ${input.channel}.`,
        field,
      );
    }
    return {
      key: variantKey(position),
      name: v.name,
      weight: v.weight,
      position,
      versionId,
      templateId: version.templateId,
      sendOption: v.sendOption,
    };
  });
}
