import { loadActor } from "@/lib/auth/load-actor";
import { db } from "@/lib/db/client";
import { createSegment } from "@/lib/segments/create-segment";
import { definitionSchema } from "@/lib/segments/schema";

const trait = (id: string, field: string, comparison: object) => ({ kind: "trait", id, field, comparison });
const event = (id: string, name: string, measure: object, window: object, where: object[] = []) => ({
  kind: "event",
  id,
  event: name,
  measure,
  window,
  where,
});
const days = (amount: number) => ({ type: "last", amount, unit: "days" });

// Segments a marketer would have built for the demo shop; each exercises a different condition kind.
const DEMO_SEGMENTS = [
  {
    name: "Cart abandoners in Germany",
    description:
      "Added to cart at least twice this week but bought nothing this month: the abandoned-cart reminder's audience.",
    root: {
      kind: "group",
      id: "root",
      op: "and",
      children: [
        trait("de", "country", { type: "string", op: "equals", value: "DE" }),
        event("carts", "add_to_cart", { type: "count", op: "at_least", count: 2 }, days(7)),
        event("no-purchase", "purchase", { type: "not_performed" }, days(30)),
      ],
    },
  },
  {
    name: "High spenders",
    description: "Lifetime value over 400 with repeat orders; big-ticket purchases in the last 90 days count too.",
    root: {
      kind: "group",
      id: "root",
      op: "or",
      children: [
        {
          kind: "group",
          id: "repeat",
          op: "and",
          children: [
            trait("ltv", "ltv", { type: "number", op: "gt", value: 400 }),
            trait("orders", "ordersCount", { type: "number", op: "gte", value: 2 }),
          ],
        },
        event("big", "purchase", { type: "count", op: "at_least", count: 1 }, days(90), [
          { key: "revenue", comparison: { type: "number", op: "gte", value: 250 } },
        ]),
      ],
    },
  },
  {
    name: "Lapsed app users",
    description: "On iOS or Android with no app open in 30 days: the win-back push audience.",
    root: {
      kind: "group",
      id: "root",
      op: "and",
      children: [
        trait("app", "platform", { type: "string", op: "in", values: ["ios", "android"] }),
        event("lapsed", "app_open", { type: "not_performed" }, days(30)),
      ],
    },
  },
  {
    name: "Eco-conscious, reachable by e-mail",
    description: "Said they care about sustainability and can be e-mailed.",
    root: {
      kind: "group",
      id: "root",
      op: "and",
      children: [
        trait("eco", "traits.cares_about", { type: "string", op: "equals", value: "sustainability" }),
        { kind: "reachable", id: "mail", channel: "email" },
      ],
    },
  },
];

/** The demo workspace's saved segments, owned by the demo marketer; skipped once any exist. */
export async function seedDemoSegments(workspaceId: string): Promise<number> {
  if ((await db.segment.count({ where: { workspaceId } })) > 0) return 0;
  const member = await db.member.findFirst({
    where: { workspaceId, role: "marketer", deactivatedAt: null },
    select: { id: true },
  });
  const actor = member && (await loadActor(member.id));
  if (!actor) return 0;
  for (const segment of DEMO_SEGMENTS) {
    await createSegment(actor, {
      name: segment.name,
      description: segment.description,
      definition: definitionSchema.parse({ root: segment.root }),
    });
  }
  return DEMO_SEGMENTS.length;
}
