import { db } from "@/lib/db";
import { clearReportCache, getRetention, retentionQuerySchema } from "@/lib/analytics";
const ws = (await db.workspace.findFirst({ select: { id: true } }))!.id;
for (const q of [{}, {}, {}, { criterion: "on_or_after" }, { period: "day", periods: 14, cohorts: 14 }]) {
  clearReportCache();
  const t = performance.now();
  const r = await getRetention(ws, retentionQuerySchema.parse(q));
  console.log(JSON.stringify(q), r.cohorts.length, r.curve.slice(0, 4).map((p) => p.rate?.toFixed(3)), Math.round(performance.now() - t), "ms");
}
await db.$disconnect();
