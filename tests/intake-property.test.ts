import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { captureCalls } from "@/lib/profiles/intake/capture-calls";
import { foldAll, foldLane } from "@/lib/profiles/intake/fold-lane";
import { liveLaneOf } from "@/lib/profiles/intake/lanes";
import { createWorkspace } from "./support/fixtures";
import { foldMismatches } from "./support/fold-consistency";

// Random interleavings of capture, fold rounds of random sizes, identify/alias merges and late
// events: the rollups and computed traits the fold keeps must equal a recomputation from raw events.
const USERS = ["u0", "u1", "u2"];
const ANONYMOUS = ["a0", "a1", "a2", "a3"];
const NAMES = ["product_view", "page_view", "purchase", "add_to_cart", "app_open", "message_delivered"];
let n = 0;

const track = fc.record({
  type: fc.constant("track" as const),
  who: fc.oneof(
    fc.constantFrom(...USERS).map((userId) => ({ userId })),
    fc.constantFrom(...ANONYMOUS).map((anonymousId) => ({ anonymousId })),
  ),
  event: fc.constantFrom(...NAMES),
  category: fc.constantFrom("shoes", "bags", "hats"),
  revenue: fc.integer({ min: 1, max: 200 }),
  // Days 1–20 of November in any order: late events arrive after later ones.
  day: fc.integer({ min: 1, max: 20 }),
  hour: fc.integer({ min: 0, max: 23 }),
});
const identify = fc.record({
  type: fc.constant("identify" as const),
  userId: fc.constantFrom(...USERS),
  anonymousId: fc.option(fc.constantFrom(...ANONYMOUS), { nil: undefined }),
  plan: fc.constantFrom("free", "gold"),
});
const alias = fc.record({
  type: fc.constant("alias" as const),
  userId: fc.constantFrom(...USERS),
  previousId: fc.constantFrom(...ANONYMOUS, ...USERS),
});
const call = fc.oneof(
  { arbitrary: track, weight: 6 },
  { arbitrary: identify, weight: 1 },
  { arbitrary: alias, weight: 1 },
);
const step = fc.oneof(
  {
    arbitrary: fc.record({ capture: fc.array(call, { minLength: 1, maxLength: 8 }), replay: fc.boolean() }),
    weight: 3,
  },
  { arbitrary: fc.record({ fold: fc.integer({ min: 1, max: 12 }) }), weight: 1 },
);

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;
type CallSpec = typeof call extends fc.Arbitrary<infer T> ? T : never;

function item(c: CallSpec) {
  const messageId = `p-${Date.now()}-${n++}`;
  if (c.type === "track") {
    return {
      type: "track",
      ...c.who,
      event: c.event,
      properties: { category: c.category, revenue: c.revenue },
      timestamp: new Date(Date.UTC(2026, 10, c.day, c.hour)).toISOString(),
      messageId,
    };
  }
  if (c.type === "identify") {
    return { type: "identify", userId: c.userId, anonymousId: c.anonymousId, traits: { plan: c.plan }, messageId };
  }
  return { type: "alias", userId: c.userId, previousId: c.previousId, messageId };
}

async function run(steps: Step[]) {
  const { workspaceId } = await createWorkspace();
  const lane = liveLaneOf(workspaceId);
  let last: unknown[] = [];
  for (const s of steps) {
    if ("fold" in s) {
      await foldLane(lane, { limit: s.fold });
    } else {
      const items = s.capture.map(item);
      // An SDK's retry: the previous request again, before or after it was folded.
      await captureCalls(workspaceId, s.replay && last.length > 0 ? [...last, ...items] : items);
      last = items;
    }
  }
  await foldAll();

  expect(await foldMismatches(workspaceId)).toEqual([]);
}

describe("the fold keeps rollups and computed traits equal to a recomputation", () => {
  it("for random interleavings of capture, fold rounds, merges and late events", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), (steps) => run(steps)),
      { numRuns: Number(process.env.INTAKE_PROPERTY_RUNS ?? 20) },
    );
  });
});
