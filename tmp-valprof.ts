import { validateItems } from "@/lib/profiles/ingest/ingest-calls";
const NAMES = ["page_view", "product_view", "add_to_cart", "search", "app_open", "purchase"];
const batch = (b: number) => Array.from({ length: 500 }, (_, k) => {
  const i = b * 500 + k; const name = NAMES[i % 6]!;
  return { type: "track", userId: `c-${i % 20000}`, event: name,
    properties: name === "purchase" ? { revenue: 10, category: "shoes" } : { category: ["shoes","bags","hats"][i%3] },
    timestamp: new Date(Date.now() - (i % 86400) * 1000).toISOString(), messageId: `cap-${i}` };
});
const bodies = Array.from({ length: 400 }, (_, b) => JSON.stringify({ batch: batch(b) }));
const t = performance.now();
for (const body of bodies) { const { calls } = validateItems((JSON.parse(body) as { batch: unknown[] }).batch, { receivedAt: new Date() }); JSON.stringify(calls.map((c) => ({ messageId: c.messageId, call: JSON.stringify(c) }))); }
console.log("per batch ms", ((performance.now() - t) / 400).toFixed(2));
