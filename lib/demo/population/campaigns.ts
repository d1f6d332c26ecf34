import type { LatentPersona } from "./personas";

export type Targeting = "mass" | "segmented" | "triggered";
export type Channel = "email" | "push" | "sms";

/** Past campaigns of the demo history; rates follow the ranges the source research reports. */
export type DemoCampaign = {
  id: string;
  name: string;
  targeting: Targeting;
  channel: Channel;
  daysAgo: number;
  audience: (persona: LatentPersona) => boolean;
  // An A/B test; "holdout" gets nothing. `draw` (default: weight) is the split the history actually
  // got — set apart from `weight` only to plant a sample-ratio mismatch.
  variants?: readonly { id: string; weight: number; lift: number; draw?: number }[];
  // Draws from a random stream of its own (seeded by the campaign id) instead of the population's:
  // adding such a campaign leaves every other profile and event exactly what it was.
  ownStream?: boolean;
};

// Per delivered message, over a campaign's whole audience: click-through and conversion by targeting
// (research: mass 7–9 % / 3–5 %, segmented 10–14 % / 6–8 %, behaviour-triggered 12–18 % / 8–12 %;
// "segmented push CTR is 25–40 % higher than mass sends" — 10.5 % is 1.31× 8 %). Persona response
// spreads a rate within the audience around this average; it does not add to it.
export const RATES: Record<Targeting, { ctr: number; conversion: number }> = {
  mass: { ctr: 0.08, conversion: 0.04 },
  segmented: { ctr: 0.105, conversion: 0.07 },
  triggered: { ctr: 0.15, conversion: 0.1 },
};

// Only channels that can see an open have one: an e-mail's tracking pixel, a push notification's tap.
// An SMS is read but nobody can tell (it has delivery receipts and tracked-link clicks only).
export const OPEN_RATE: Partial<Record<Channel, number>> = { email: 0.38, push: 0.2 };

export const DEMO_CAMPAIGNS: readonly DemoCampaign[] = [
  {
    id: "demo-spring-sale",
    name: "Spring sale blast",
    targeting: "mass",
    channel: "email",
    daysAgo: 70,
    audience: () => true,
  },
  {
    id: "demo-eco-launch",
    name: "Eco collection launch",
    targeting: "segmented",
    channel: "email",
    daysAgo: 45,
    audience: (p) => p.key === "eco_conscious",
  },
  {
    id: "demo-price-drop",
    name: "Price drop alert",
    targeting: "segmented",
    channel: "push",
    daysAgo: 30,
    audience: (p) => p.key === "deal_hunter",
  },
  {
    id: "demo-win-back",
    name: "We miss you",
    targeting: "triggered",
    channel: "email",
    daysAgo: 20,
    audience: (p) => p.key === "lapsed",
  },
  {
    id: "demo-new-arrivals-sms",
    name: "New arrivals SMS",
    targeting: "mass",
    channel: "sms",
    daysAgo: 12,
    audience: () => true,
  },
  // A plain mass push beside "Price drop alert" (segmented push), so the two can be compared.
  {
    id: "demo-weekend-push",
    name: "Weekend flash sale push",
    targeting: "mass",
    channel: "push",
    daysAgo: 16,
    audience: () => true,
    ownStream: true,
  },
  {
    id: "demo-subject-test",
    name: "Subject line A/B test",
    targeting: "mass",
    channel: "email",
    daysAgo: 25,
    audience: () => true,
    variants: [
      { id: "A", weight: 0.45, lift: 1 },
      { id: "B", weight: 0.45, lift: 1.3 },
      { id: "holdout", weight: 0.1, lift: 0 },
    ],
  },
  {
    // A broken experiment on purpose: configured 45/45/10, but the assignment gave A 70 % of the
    // treated profiles (63/27/10) — strong enough that the sample-ratio alarm fires even in the
    // 300-profile population the end-to-end tests seed (p ≈ 0.0002 there, ≈ 0 at 5,000).
    id: "demo-push-timing-test",
    name: "Push send-time test",
    targeting: "mass",
    channel: "push",
    daysAgo: 8,
    audience: () => true,
    ownStream: true,
    variants: [
      { id: "A", weight: 0.45, draw: 0.63, lift: 1 },
      { id: "B", weight: 0.45, draw: 0.27, lift: 1.1 },
      { id: "holdout", weight: 0.1, lift: 0 },
    ],
  },
];
