// Segment query latency on the demo population (issue 4 targets: total count p95 ≤ 500 ms,
// per-node counts p95 ≤ 1.5 s, explain ≤ 50 ms on 1M profiles / 10M events in PostgreSQL).
//
//   DATABASE_URL=postgresql://…/tailor_bench npx tsx bench/segments.ts [iterations=10]
//
// Ten fixed definitions; each is timed cold-ish (first run) and then `iterations` times. In the
// same run, a plain count(*) over "Event" gives the machine's baseline.
import { getDb } from "@/lib/db/client";
import { countAudience, countAudienceTotal } from "@/lib/segments/count-audience";
import { definitionSchema, type SegmentDefinition } from "@/lib/segments/schema";
import { explainProfile } from "@/lib/segments/explain-profile";

const iterations = Number(process.argv[2] ?? 10);
const db = getDb();
const workspace = await db.workspace.findFirst({ where: { isDemo: true }, select: { id: true } });
if (!workspace) throw new Error("No demo workspace: run `npm run seed -- --profiles 1000000 --events 10000000` first.");
const workspaceId = workspace.id;

const t = (id: string, field: string, comparison: object) => ({ kind: "trait", id, field, comparison });
const e = (id: string, event: string, measure: object, window: object, where: object[] = []) => ({
  kind: "event",
  id,
  event,
  measure,
  window,
  where,
});
const days = (amount: number) => ({ type: "last", amount, unit: "days" });
const and = (id: string, children: object[], not = false) => ({ kind: "group", id, op: "and", not, children });
const or = (id: string, children: object[]) => ({ kind: "group", id, op: "or", children });

const DEFINITIONS: Record<string, object> = {
  "summary example (DE, ≥2 carts in 7 d, no purchase in 30 d)": and("root", [
    t("de", "country", { type: "string", op: "equals", value: "DE" }),
    e("carts", "add_to_cart", { type: "count", op: "at_least", count: 2 }, days(7)),
    e("nobuy", "purchase", { type: "not_performed" }, days(30)),
  ]),
  "3-level nested OR/AND": or("root", [
    and("a", [
      t("fr", "country", { type: "string", op: "equals", value: "FR" }),
      or("a2", [
        t("ios", "platform", { type: "string", op: "equals", value: "ios" }),
        t("ltv", "ltv", { type: "number", op: "gt", value: 300 }),
      ]),
    ]),
    and("b", [
      t("us", "country", { type: "string", op: "equals", value: "US" }),
      or("b2", [
        e("views", "product_view", { type: "count", op: "at_least", count: 5 }, days(14)),
        t("fav", "favouriteCategory", { type: "string", op: "in", values: ["sale", "shoes"] }),
      ]),
    ]),
  ]),
  "inactivity (no app_open in 30 d, app platforms)": and("root", [
    t("app", "platform", { type: "string", op: "in", values: ["ios", "android"] }),
    e("lapsed", "app_open", { type: "not_performed" }, days(30)),
  ]),
  "purchase.revenue ≥ 150 in 90 d (property filter, raw events)": and("root", [
    e("big", "purchase", { type: "count", op: "at_least", count: 1 }, days(90), [
      { key: "revenue", comparison: { type: "number", op: "gte", value: 150 } },
    ]),
  ]),
  "custom trait + reachability": and("root", [
    t("eco", "traits.cares_about", { type: "string", op: "equals", value: "sustainability" }),
    { kind: "reachable", id: "mail", channel: "email" },
  ]),
  "computed traits (orders ≥ 3, last purchase > 60 d ago)": and("root", [
    t("orders", "ordersCount", { type: "number", op: "gte", value: 3 }),
    t("lastbuy", "lastPurchaseAt", { type: "date", op: "more_than_ago", amount: 60, unit: "days" }),
  ]),
  "hours window (session_start in last 48 h, raw events)": and("root", [
    e(
      "recent",
      "session_start",
      { type: "count", op: "at_least", count: 1 },
      { type: "last", amount: 48, unit: "hours" },
    ),
  ]),
  "first purchase in last 30 d": and("root", [e("first", "purchase", { type: "first" }, days(30))]),
  "NOT group (not (DE and e-mail reachable))": and("root", [
    and(
      "n",
      [
        t("de2", "country", { type: "string", op: "equals", value: "DE" }),
        { kind: "reachable", id: "mail2", channel: "email" },
      ],
      true,
    ),
  ]),
  "clicked a message ≥ 2 times ever, opened in 30 d": and("root", [
    e("clicks", "message_clicked", { type: "count", op: "at_least", count: 2 }, { type: "ever" }),
    e("opens", "message_opened", { type: "count", op: "at_least", count: 1 }, days(30)),
  ]),
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
async function measure(fn: () => Promise<unknown>) {
  const cold = await time(fn);
  const runs: number[] = [];
  for (let i = 0; i < iterations; i++) runs.push(await time(fn));
  runs.sort((a, b) => a - b);
  return { cold, p50: percentile(runs, 50), p95: percentile(runs, 95) };
}
const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;

const [{ profiles }] = await db.$queryRawUnsafe<[{ profiles: number }]>(
  `SELECT count(*)::int AS profiles FROM "Profile" WHERE "workspaceId" = $1`,
  workspaceId,
);
const baseline = await measure(() => db.$queryRawUnsafe(`SELECT count(*) FROM "Event"`));
const [{ events }] = await db.$queryRawUnsafe<[{ events: number }]>(`SELECT count(*)::int AS events FROM "Event"`);
console.log(
  `Population: ${profiles.toLocaleString("en")} profiles, ${events.toLocaleString("en")} ` +
    `events; ${iterations} runs per figure after one cold run.`,
);
console.log(
  `Baseline count(*) over "Event": cold ${ms(baseline.cold)}  p50 ${ms(baseline.p50)}  p95 ${ms(baseline.p95)}\n`,
);

const sample = await db.profile.findFirst({
  where: { workspaceId, externalId: { not: null } },
  orderBy: { lastSeenAt: { sort: "desc", nulls: "last" } },
  select: { id: true },
});
const all = { total: [] as number[], nodes: [] as number[], explain: [] as number[] };
console.log(
  `${"definition".padEnd(64)} ${"size".padStart(9)}   total p50 / p95        per-node p50 / p95     explain p50 / p95`,
);
for (const [name, root] of Object.entries(DEFINITIONS)) {
  const definition: SegmentDefinition = definitionSchema.parse({ root });
  const size = await countAudienceTotal(workspaceId, definition);
  const total = await measure(() => countAudienceTotal(workspaceId, definition));
  const nodes = await measure(() => countAudience(workspaceId, definition));
  const explain = await measure(() => explainProfile(workspaceId, definition, sample!.id));
  all.total.push(total.p95);
  all.nodes.push(nodes.p95);
  all.explain.push(explain.p95);
  console.log(
    `${name.padEnd(64)} ${size.toLocaleString("en").padStart(9)}  ${ms(total.p50)} / ` +
      `${ms(total.p95)}  ${ms(nodes.p50)} / ${ms(nodes.p95)}  ${ms(explain.p50)} / ` +
      `${ms(explain.p95)}`,
  );
}
const worst = (xs: number[]) => Math.max(...xs);
console.log(
  `\nWorst p95 over the ten: total ${ms(worst(all.total))} (target ≤ 500), per-node ` +
    `${ms(worst(all.nodes))} (target ≤ 1500), explain ${ms(worst(all.explain))} (target ≤ 50)`,
);
await db.$disconnect();
process.exit(0);
