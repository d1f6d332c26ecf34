import { loadActor } from "@/lib/auth/load-actor";
import { db } from "@/lib/db/client";
import { checkDuePersonas } from "@/lib/personas/check-due-personas";
import { createPersona } from "@/lib/personas/create-persona";
import { createSubPersona } from "@/lib/personas/create-sub-persona";
import { recordValidation } from "@/lib/personas/record-validation";
import { type CreatePersonaInput } from "@/lib/personas/schema";
import { definitionSchema } from "@/lib/segments/schema";

const DAY = 86_400_000;
const and = (...children: object[]) =>
  definitionSchema.parse({ root: { kind: "group", id: "root", op: "and", children } });
const trait = (id: string, field: string, comparison: object) => ({ kind: "trait", id, field, comparison });

type DemoPersona = Omit<CreatePersonaInput, "segmentId" | "newSegment"> & {
  segment: { existing: string } | { name: string; definition: ReturnType<typeof and> };
  validated: {
    daysAgo: number;
    method: "survey" | "interviews" | "analytics" | "usability_test";
    sampleSize: number | null;
    notes: string;
  } | null;
};

/*
 * The generator's five latent personas (lib/demo/population/personas.ts), written up as a PM would.
 * Their assumptions are what a team might believe; some of them the demo data contradicts
 * (e.g. high spenders do not prefer SMS, newcomers are not mostly German), and "Newcomer Nina"
 * was last validated eight months ago, so she is stale.
 */
const DEMO_PERSONAS: DemoPersona[] = [
  {
    name: "Deal-hunting Dani",
    summary: "Hunts for discounts, buys often but small, opens every sale alert.",
    narrative:
      "Dani follows three deal newsletters and compares prices before every purchase. A voucher " +
      "that expires tonight gets a click; a brand story does not.",
    goals: ["Pay less than anyone else for the same thing", "Never miss a sale"],
    painPoints: ["Shipping costs that appear at checkout", "Sales that end before payday"],
    motivations: ["The thrill of a bargain"],
    objections: ["Full price feels like a mistake"],
    jobsToBeDone: ["When a sale starts, tell me fast so I can grab the best items"],
    priorities: ["price", "convenience", "quality"],
    channels: ["push", "email"],
    tone: { voice: "playful", example: "Psst — 30 % off sneakers ends at midnight 👟" },
    assumptions: [
      { kind: "share", id: "android", dimension: "platform", value: "android", op: "at_least", percent: 40 },
      { kind: "metric", id: "small-baskets", metric: "aov", stat: "median", op: "lt", value: 60 },
      { kind: "text", id: "vouchers", text: "Would rather get a voucher than free shipping." },
    ],
    segment: {
      name: "Price-sensitive shoppers",
      definition: and(trait("price", "traits.price_sensitivity", { type: "string", op: "equals", value: "high" })),
    },
    validated: { daysAgo: 40, method: "survey", sampleSize: 1240, notes: "Post-purchase survey, spring sale." },
  },
  {
    name: "High-spender Hugo",
    summary: "Buys premium fashion and jewellery on iOS; expects service, not discounts.",
    narrative:
      "Hugo shops a few times a quarter with large baskets. He reads new-arrival e-mails, ignores " +
      "discount codes, and drops a brand that spams him.",
    goals: ["Be first to new collections", "Gifts that impress"],
    painPoints: ["Generic mass mails", "Slow delivery on expensive items"],
    motivations: ["Status and quality"],
    objections: ["Discounts cheapen the brand"],
    jobsToBeDone: ["When a new collection drops, show me the pieces that fit my style"],
    priorities: ["quality", "convenience"],
    channels: ["email", "push"],
    tone: { voice: "formal", example: "Your preview of the autumn collection is ready." },
    assumptions: [
      { kind: "share", id: "ios", dimension: "platform", value: "ios", op: "at_least", percent: 50 },
      { kind: "metric", id: "ltv", metric: "ltv", stat: "median", op: "gt", value: 400 },
      { kind: "channel_preference", id: "sms", channel: "sms", over: "email", rate: "click" },
    ],
    segment: { existing: "High spenders" },
    validated: {
      daysAgo: 75,
      method: "interviews",
      sampleSize: 14,
      notes: "Fourteen customer interviews in the flagship store.",
    },
  },
  {
    name: "Eco shopper Elif",
    summary: "Chooses sustainable products and reads long e-mails about how they are made.",
    narrative:
      "Elif checks materials and certifications, shops on the web in the evening and wants fewer, better messages.",
    goals: ["Buy less, buy better", "Know where things come from"],
    painPoints: ["Greenwashing", "Too many notifications"],
    motivations: ["Reducing her footprint"],
    objections: ["Fast-fashion promotions"],
    jobsToBeDone: ["When I need something, help me find the sustainable option quickly"],
    priorities: ["sustainability", "quality", "price"],
    channels: ["email"],
    tone: { voice: "empathetic", example: "Made from recycled cotton, built to last for years." },
    assumptions: [
      { kind: "share", id: "web", dimension: "platform", value: "web", op: "at_least", percent: 40 },
      { kind: "channel_preference", id: "email", channel: "email", over: "sms", rate: "click" },
      { kind: "active_hours", id: "evening", from: 18, to: 22, minShare: 50 },
    ],
    segment: {
      name: "Cares about sustainability",
      definition: and(trait("eco", "traits.cares_about", { type: "string", op: "equals", value: "sustainability" })),
    },
    validated: {
      daysAgo: 20,
      method: "analytics",
      sampleSize: null,
      notes: "Checked against three months of behaviour.",
    },
  },
  {
    name: "Lapsed Lars",
    summary: "Used to shop every month; has not opened the app or visited for weeks.",
    narrative:
      "Lars bought shoes and basics for a year, then drifted away. A reminder with something " +
      "relevant might bring him back; a flood of mails will not.",
    goals: ["Find what he needs without effort"],
    painPoints: ["Irrelevant recommendations"],
    motivations: ["Convenience"],
    objections: ["Too many messages already"],
    jobsToBeDone: ["When I need basics again, remind me where I got them"],
    priorities: ["convenience", "price"],
    channels: ["email", "sms"],
    tone: { voice: "friendly", example: "It's been a while — your favourites are back in stock." },
    assumptions: [
      { kind: "metric", id: "orders", metric: "ordersCount", stat: "median", op: "gt", value: 3 },
      { kind: "text", id: "why", text: "Left because of delivery costs." },
    ],
    segment: {
      name: "Quiet for 45 days",
      definition: and(
        {
          kind: "event",
          id: "quiet",
          event: "session_start",
          measure: { type: "not_performed" },
          window: { type: "last", amount: 45, unit: "days" },
          where: [],
        },
        {
          kind: "event",
          id: "was-active",
          event: "session_start",
          measure: { type: "count", op: "at_least", count: 1 },
          window: { type: "last", amount: 120, unit: "days" },
          where: [],
        },
      ),
    },
    validated: { daysAgo: 100, method: "analytics", sampleSize: null, notes: "Churn analysis, Q2." },
  },
  {
    name: "Newcomer Nina",
    summary: "Signed up in the last two weeks and is still finding her way around.",
    narrative:
      "Nina came from an ad, browsed a lot and may have bought once. The first weeks decide whether she stays.",
    goals: ["Understand what the shop is good at"],
    painPoints: ["Too many choices", "Unclear returns policy"],
    motivations: ["A good first experience"],
    objections: ["Not sure the shop is trustworthy yet"],
    jobsToBeDone: ["When I'm new, show me the best of the shop without overwhelming me"],
    priorities: ["convenience", "price", "quality"],
    channels: ["push", "email", "in_app"],
    tone: { voice: "friendly", example: "Welcome! Here are three things our customers love." },
    assumptions: [
      { kind: "share", id: "germany", dimension: "country", value: "DE", op: "at_least", percent: 30 },
      { kind: "share", id: "app", dimension: "platform", value: "web", op: "at_most", percent: 40 },
    ],
    segment: {
      name: "New this fortnight",
      definition: and(trait("new", "firstSeenAt", { type: "date", op: "within_last", amount: 14, unit: "days" })),
    },
    validated: {
      daysAgo: 240,
      method: "usability_test",
      sampleSize: 8,
      notes: "Onboarding usability test with eight participants.",
    },
  },
];

/** The demo workspace's personas, owned by the demo product manager; skipped once any exist. */
export async function seedDemoPersonas(workspaceId: string, report?: (line: string) => void): Promise<number> {
  if ((await db.persona.count({ where: { workspaceId } })) > 0) return 0;
  const member = await db.member.findFirst({
    where: { workspaceId, role: "pm", deactivatedAt: null },
    select: { id: true },
  });
  const actor = member && (await loadActor(member.id));
  if (!actor) return 0;
  const ids = new Map<string, string>();
  for (const { segment, validated, ...story } of DEMO_PERSONAS) {
    const binding =
      "existing" in segment
        ? {
            segmentId:
              (await db.segment.findFirst({ where: { workspaceId, name: segment.existing }, select: { id: true } }))
                ?.id ?? null,
          }
        : { newSegment: segment };
    const persona = await createPersona(actor, { ...story, assumptions: story.assumptions, ...binding });
    ids.set(story.name, persona.id);
    if (validated) {
      await recordValidation(actor, persona.id, {
        method: validated.method,
        validatedAt: new Date(Date.now() - validated.daysAgo * DAY),
        sampleSize: validated.sampleSize,
        notes: validated.notes,
      });
    }
  }
  const hugo = ids.get("High-spender Hugo");
  if (hugo) {
    await createSubPersona(actor, hugo, {
      name: "Jewellery collector Jo",
      summary: "The high spenders whose favourite category is jewellery.",
      condition: trait("jewellery", "favouriteCategory", { type: "string", op: "equals", value: "jewellery" }) as never,
    });
  }
  // The first check now, so the gallery warns about contradicted personas from the start.
  await checkDuePersonas(new Date(), report);
  return DEMO_PERSONAS.length + (hugo ? 1 : 0);
}
