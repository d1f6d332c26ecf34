import { db } from "@/lib/db/client";

/** The campaigns that send each template (an experiment campaign names its control template), by template id. */
export async function campaignsUsing(
  workspaceId: string,
  templateIds: readonly string[],
): Promise<Map<string, { id: string; name: string }[]>> {
  const result = new Map<string, { id: string; name: string }[]>(templateIds.map((id) => [id, []]));
  if (templateIds.length === 0) return result;
  const direct = await db.campaign.findMany({
    where: { workspaceId, templateId: { in: [...templateIds] } },
    select: { id: true, name: true, templateId: true },
    orderBy: { updatedAt: "desc" },
  });
  for (const c of direct) result.get(c.templateId!)?.push({ id: c.id, name: c.name });
  return result;
}
