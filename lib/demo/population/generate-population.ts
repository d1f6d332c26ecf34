import { DEMO_CAMPAIGNS, OPEN_RATE, RATES } from "./campaigns";
import { FIRST_NAMES, LATENT_PERSONAS, PLACES, type LatentPersona } from "./personas";
import { createRandom, type Random } from "./random";

export type DemoProfile = {
  id: string;
  externalId: string;
  email: string;
  phone: string;
  country: string;
  city: string;
  locale: string;
  timezone: string;
  platform: string;
  traits: Record<string, unknown>;
  consent: Record<string, boolean>;
};

export type DemoEvent = {
  profileId: string;
  name: string;
  occurredAt: Date;
  messageId: string;
  properties: Record<string, unknown>;
  campaignId: string | null;
  variantId: string | null;
  channel: string | null;
  revenue: number | null;
};

export type PopulationOptions = { profiles: number; eventsPerProfile: number; seed: number; now: Date };

const DAY = 86_400_000;
const MEAN_SESSIONS_PER_WEEK = LATENT_PERSONAS.reduce((sum, p) => sum + p.sessionsPerWeek * p.share, 0);
// Below this many sessions per profile the count is drawn exactly rather than walked (behaviour()).
const SPARSE_SESSIONS = 3;
// Measured mean of messages() per profile (campaign history with its conversions' purchases;
// 7.3 before the push send-time test joined it).
const MESSAGE_EVENTS_PER_PROFILE = 9.2;

/** One customer's life: sessions of browsing, carts and purchases over their active window. */
function behaviour(random: Random, persona: LatentPersona, profile: DemoProfile, options: PopulationOptions, emit: (e: Omit<DemoEvent, "profileId" | "messageId" | "campaignId" | "variantId" | "channel">) => void) {
  // Sessions are spread so the population lands near the requested events per profile: about six
  // go to message history, the rest to sessions of known expected size; busy personas get more.
  const perSession = 1.25 + (persona.viewsPerSession + 1) / 2 + persona.cartRate * (1 + persona.purchaseRate * 2);
  const target = Math.max(0, ((options.eventsPerProfile - 6) / perSession) * (persona.sessionsPerWeek / MEAN_SESSIONS_PER_WEEK));
  const [fromDays, toDays] = persona.activeDaysAgo;
  const start = options.now.getTime() - toDays * DAY;
  const end = options.now.getTime() - fromDays * DAY;
  const app = profile.platform !== "web";
  const session = (t: number) => {
    const at = (offsetMinutes: number) => new Date(t + offsetMinutes * 60_000);
    emit({ name: app ? "app_open" : "session_start", occurredAt: at(0), properties: { platform: profile.platform }, revenue: null });
    let minute = 1;
    if (random.chance(0.25)) emit({ name: "search", occurredAt: at(minute++), properties: { query: random.pick(persona.categories)[0] }, revenue: null });
    const views = random.int(1, persona.viewsPerSession);
    let lastCategory = "";
    for (let i = 0; i < views; i++) {
      lastCategory = random.weighted(persona.categories);
      const price = Math.round(random.int(persona.orderValue[0], persona.orderValue[1]) * 100) / 100;
      emit({ name: i === 0 && !app ? "page_view" : "product_view", occurredAt: at(minute++), properties: { category: lastCategory, price, sku: `${lastCategory}-${random.int(1, 40)}` }, revenue: null });
    }
    if (random.chance(persona.cartRate)) {
      emit({ name: "add_to_cart", occurredAt: at(minute++), properties: { category: lastCategory }, revenue: null });
      if (random.chance(persona.purchaseRate)) {
        emit({ name: "checkout_start", occurredAt: at(minute++), properties: {}, revenue: null });
        const revenue = Math.round((persona.orderValue[0] + random.next() * (persona.orderValue[1] - persona.orderValue[0])) * 100) / 100;
        emit({ name: "purchase", occurredAt: at(minute++), properties: { category: lastCategory, revenue, currency: "EUR" }, revenue });
      }
    }
  };
  if (target < SPARSE_SESSIONS) {
    // Sparse populations (few events per profile, e.g. 1M profiles / 10M events): the gap walk below
    // always adds about one session more than asked, which there would be most of the budget. Draw
    // the count exactly instead (some profiles have no session at all) and place it at random.
    const exact = Math.max(0, ((options.eventsPerProfile - MESSAGE_EVENTS_PER_PROFILE) / perSession) * (persona.sessionsPerWeek / MEAN_SESSIONS_PER_WEEK));
    const count = Math.floor(exact) + (random.chance(exact % 1) ? 1 : 0);
    const times = Array.from({ length: count }, () => start + random.next() * (end - start)).sort((a, b) => a - b);
    for (const t of times) session(t);
    return;
  }
  let t = start + random.exponential(DAY);
  const meanGap = (end - t) / target;
  while (t < end) {
    session(t);
    t += random.exponential(meanGap);
  }
}

/** Past campaigns: sent → delivered → opened → clicked → converted, by targeting × persona × channel. */
function messages(main: Random, own: Random, persona: LatentPersona, profile: DemoProfile, options: PopulationOptions, emit: (e: Omit<DemoEvent, "profileId" | "messageId">) => void) {
  for (const campaign of DEMO_CAMPAIGNS) {
    if (!campaign.audience(persona) || !profile.consent[campaign.channel]) continue;
    const random = campaign.ownStream ? own : main;
    const variant = campaign.variants ? random.weighted(campaign.variants.map((v) => [v, v.draw ?? v.weight] as const)) : null;
    const sentAt = options.now.getTime() - campaign.daysAgo * DAY + random.int(0, 120) * 60_000;
    const base = { campaignId: campaign.id, variantId: variant?.id ?? null, channel: campaign.channel, revenue: null };
    const at = (minutes: number) => new Date(sentAt + minutes * 60_000);
    if (variant?.id === "holdout") {
      // The holdout gets nothing; its exposure is recorded when it would have been sent.
      emit({ ...base, name: "experiment_exposure", occurredAt: at(0), properties: { experimentId: campaign.id, variant: "holdout" } });
      continue;
    }
    if (variant) emit({ ...base, name: "experiment_exposure", occurredAt: at(0), properties: { experimentId: campaign.id, variant: variant.id } });
    emit({ ...base, name: "message_sent", occurredAt: at(0), properties: { campaign: campaign.name } });
    if (!random.chance(0.97)) continue;
    emit({ ...base, name: "message_delivered", occurredAt: at(1), properties: {} });
    const rates = RATES[campaign.targeting];
    const response = persona.response[campaign.channel] * (variant?.lift ?? 1);
    const click = Math.min(0.95, rates.ctr * response);
    const open = Math.max(OPEN_RATE[campaign.channel], click);
    if (random.chance(0.003)) emit({ ...base, name: "message_unsubscribed", occurredAt: at(30), properties: {} });
    if (!random.chance(open)) continue;
    emit({ ...base, name: "message_opened", occurredAt: at(random.int(2, 600)), properties: {} });
    if (!random.chance(click / open)) continue;
    emit({ ...base, name: "message_clicked", occurredAt: at(random.int(601, 700)), properties: { url: `https://shop.example/${campaign.id}` } });
    if (!random.chance(Math.min(1, (rates.conversion * response) / click))) continue;
    const revenue = Math.round((persona.orderValue[0] + random.next() * (persona.orderValue[1] - persona.orderValue[0])) * 100) / 100;
    emit({ ...base, name: "message_converted", occurredAt: at(720), properties: { revenue } });
    emit({ campaignId: null, variantId: null, channel: null, name: "purchase", occurredAt: at(721), properties: { revenue, currency: "EUR", attributedTo: campaign.id }, revenue });
  }
}

/** Deterministic demo population: the same options always give the same profiles and events. */
export function* generatePopulation(options: PopulationOptions): Generator<{ profile: DemoProfile; events: DemoEvent[] }> {
  const random = createRandom(options.seed);
  const own = createRandom(options.seed ^ 0x5eed5eed);
  const personaTable = LATENT_PERSONAS.map((p) => [p, p.share] as const);
  for (let i = 0; i < options.profiles; i++) {
    const persona = random.weighted(personaTable);
    const place = random.weighted(PLACES.map((p) => [p, p.weight] as const));
    const firstName = random.pick(FIRST_NAMES);
    const id = `demo-${options.seed}-${i}`;
    const profile: DemoProfile = {
      id,
      externalId: `cust-${String(i + 1).padStart(6, "0")}`,
      email: `${firstName.toLowerCase()}.${i + 1}@example.com`,
      // Addresses follow from the index, not the random stream, so the population stays the same.
      phone: `+4915${String(i + 1).padStart(8, "0")}`,
      country: place.country,
      city: place.city,
      locale: place.locale,
      timezone: place.timezone,
      platform: random.weighted(persona.platforms),
      traits: { first_name: firstName, signup_source: random.pick(["organic", "ads", "referral", "social"]), ...persona.declared },
      consent: { email: random.chance(0.85), push: random.chance(0.6), sms: random.chance(0.35), in_app: true },
    };
    // App users have a device token; web visitors with push consent do not (a real "no address").
    if (profile.platform === "ios" || profile.platform === "android") profile.traits.push_token = `demo-push-${options.seed}-${i}`;
    const events: DemoEvent[] = [];
    let n = 0;
    const push = (event: Omit<DemoEvent, "profileId" | "messageId">) => events.push({ ...event, profileId: id, messageId: `${id}-${n++}` });
    behaviour(random, persona, profile, options, (e) => push({ ...e, campaignId: null, variantId: null, channel: null }));
    messages(random, own, persona, profile, options, push);
    yield { profile, events };
  }
}
