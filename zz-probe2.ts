import { db } from "@/lib/db";
import { prelaunchSummary } from "@/lib/delivery/server";
const ws = (await db.workspace.findFirst({ select: { id: true } }))!.id;
for (const name of ["Spring sale", "Spring sale", "Price drop", "Eco"]) {
  const campaign = (await db.campaign.findFirst({ where: { workspaceId: ws, name: { contains: name } } }))!;
  const t = performance.now();
  const s = await prelaunchSummary(ws, campaign.id);
  console.log(name, JSON.stringify(s), Math.round(performance.now() - t), "ms");
}
await db.$disconnect();
