import { db, getDb } from "@/lib/db/client";
import { captureCalls } from "@/lib/profiles/intake/capture-calls";
import { foldLane } from "@/lib/profiles/intake/fold-lane";
import { liveLaneOf } from "@/lib/profiles/intake/lanes";
const N = Number(process.argv[2] ?? 20000);
const USERS = 20000;
const NAMES = ["page_view", "product_view", "add_to_cart", "search", "app_open", "purchase"];
const ws = await db.workspace.findFirstOrThrow({ where: { isDemo: true } });
const run = Date.now();
for (let b = 0; b < N; b += 500) {
  const items = Array.from({ length: 500 }, (_, k) => {
    const i = b + k; const name = NAMES[i % 6]!;
    return { type: "track", userId: `u-${run % 2 ? "a" : "b"}-${i % USERS}`, event: name,
      properties: name === "purchase" ? { revenue: 10, category: "shoes" } : { category: ["shoes","bags","hats"][i%3] },
      timestamp: new Date(Date.now() - (i % 86400) * 1000).toISOString(), messageId: `m-${run}-${i}` };
  });
  await captureCalls(ws.id, items);
}
const lane = liveLaneOf(ws.id);
const t0 = performance.now(); let n = 0; let rounds = 0;
for (;;) { const r = await foldLane(lane, { limit: Number(process.env.LIMIT ?? 2000) }); if (r.folded === 0) break; n += r.folded; rounds++; }
const s = (performance.now() - t0) / 1000;
console.log(`folded ${n} in ${s.toFixed(1)} s = ${Math.round(n / s)}/s over ${rounds} rounds`);
await getDb().$disconnect();
