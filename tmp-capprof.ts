import { db, getDb } from "@/lib/db/client";
import { validateItems } from "@/lib/profiles/ingest/ingest-calls";
import { captureCalls } from "@/lib/profiles/intake/capture-calls";
const NAMES = ["page_view", "product_view", "add_to_cart", "search", "app_open", "purchase"];
const ws = await db.workspace.findFirstOrThrow({ where: { isDemo: true } });
const run = Date.now();
const batch = (b: number) => Array.from({ length: 500 }, (_, k) => {
  const i = b * 500 + k; const name = NAMES[i % 6]!;
  return { type: "track", userId: `c-${i % 20000}`, event: name,
    properties: name === "purchase" ? { revenue: 10, category: "shoes" } : { category: ["shoes","bags","hats"][i%3] },
    timestamp: new Date(Date.now() - (i % 86400) * 1000).toISOString(), messageId: `cap-${run}-${i}` };
});
const bodies = Array.from({ length: 100 }, (_, b) => JSON.stringify({ batch: batch(b) }));
let t = performance.now();
for (const body of bodies) JSON.parse(body);
console.log("JSON.parse per batch ms", ((performance.now() - t) / 100).toFixed(2));
t = performance.now();
for (const body of bodies) validateItems((JSON.parse(body) as { batch: unknown[] }).batch, { receivedAt: new Date() });
console.log("parse+validate per batch ms", ((performance.now() - t) / 100).toFixed(2));
t = performance.now();
for (const body of bodies) await captureCalls(ws.id, (JSON.parse(body) as { batch: unknown[] }).batch);
console.log("parse+capture per batch ms", ((performance.now() - t) / 100).toFixed(2));
await getDb().$disconnect();
