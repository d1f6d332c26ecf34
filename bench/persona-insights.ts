// The persona page's data on the demo population (issue 19: GET /api/personas/:id/insights took
// 43 s / 9–10 s / 4.4 s at 1M profiles; target p95 ≤ 1 s cold, ≤ 100 ms warm).
//
//   DATABASE_URL=postgresql://…/tailor_bench npx tsx bench/persona-insights.ts [runs=10]
//
// For every bound demo persona, what the insights route does after its role check (getPersona +
// getPersonaInsights), in-process:
// - cold: the first call once the stored figures are dropped (a new persona, or a new process after
//   an edit) — it answers "computing" and starts the computation in the background;
// - the background computation itself (its stored duration: what "computing, about N s" shows);
// - first: the first call once figures are stored; warm: `runs` calls more (p50 / p95);
// - size: the live count the Audience panel asks for separately (p50 / p95).
// A plain count(*) over "Event" in the same run gives the machine's baseline.
import { getDb } from "@/lib/db/client";
import { countPersonaAudience } from "@/lib/personas/count-persona-audience";
import { getPersona } from "@/lib/personas/get-persona";
import { getPersonaInsights } from "@/lib/personas/get-persona-insights";

const runs = Number(process.argv[2] ?? 10);
const db = getDb();
const workspace = await db.workspace.findFirst({ where: { isDemo: true }, select: { id: true } });
if (!workspace) throw new Error("No demo workspace: run `npm run seed -- --profiles 200000 --events 2000000` first.");
const workspaceId = workspace.id;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
async function repeat(fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await time(fn));
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;

const [{ profiles }] = await db.$queryRawUnsafe<[{ profiles: number }]>(
  `SELECT count(*)::int AS profiles FROM "Profile" WHERE "workspaceId" = $1`,
  workspaceId,
);
const [{ events }] = await db.$queryRawUnsafe<[{ events: number }]>(`SELECT count(*)::int AS events FROM "Event"`);
const baseline = await repeat(() => db.$queryRawUnsafe(`SELECT count(*) FROM "Event"`));
console.log(
  `Population: ${profiles.toLocaleString("en")} profiles, ${events.toLocaleString("en")} ` +
    `events; ${runs} runs per p50 / p95.`,
);
console.log(`Baseline count(*) over "Event": p50 ${ms(baseline.p50)}  p95 ${ms(baseline.p95)}\n`);

const api = (personaId: string) => async () =>
  getPersonaInsights(workspaceId, await getPersona(workspaceId, personaId));
async function computed(personaId: string) {
  for (;;) {
    const row = await db.personaInsight.findUnique({ where: { workspaceId_personaId: { workspaceId, personaId } } });
    if (row && !row.computingSince) return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const personas = await db.persona.findMany({
  where: { workspaceId, segmentId: { not: null } },
  select: { id: true, name: true },
  orderBy: { createdAt: "asc" },
});
console.log(
  `${"persona".padEnd(26)} ${"audience".padStart(9)}  ${"cold".padStart(9)}  ` +
    `${"computing".padStart(9)}  ${"first".padStart(9)}   warm p50 / p95         size p50 / p95`,
);
const worst = { cold: 0, warm: 0 };
for (const persona of personas) {
  await db.personaInsight.deleteMany({ where: { workspaceId, personaId: persona.id } });
  const cold = await time(api(persona.id));
  const row = await computed(persona.id);
  if (row.error) throw new Error(`${persona.name}: ${row.error}`);
  const first = await time(api(persona.id));
  const warm = await repeat(api(persona.id));
  const size = await repeat(() => countPersonaAudience(workspaceId, persona.id));
  const audience = (row.data as { stats: { size: number } }).stats.size;
  worst.cold = Math.max(worst.cold, cold, first);
  worst.warm = Math.max(worst.warm, warm.p95);
  console.log(
    `${persona.name.padEnd(26)} ${audience.toLocaleString("en").padStart(9)}  ${ms(cold)}  ` +
      `${ms(row.durationMs!)}  ${ms(first)}  ${ms(warm.p50)} / ${ms(warm.p95)}  ${ms(size.p50)} / ` +
      `${ms(size.p95)}`,
  );
}
console.log(
  `\nWorst insights call: cold ${ms(worst.cold)} (target ≤ 1000), warm p95 ${ms(worst.warm)} ` +
    `(target ≤ 100); baseline count(*) p95 ${ms(baseline.p95)}`,
);
await db.$disconnect();
process.exit(0);
