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
// Measured mean of the history every profile has besides its sessions: its signup, messages() and
// the purchases their conversions make (9.2 before signups, and sends only to those signed up by then).
const HISTORY_EVENTS_PER_PROFILE = 8.9;

// Engagement fades after signup: a new customer's sessions crowd their first weeks (position x in
// the window → x^γ), so signup cohorts' retention falls off week by week and then levels out.
const ENGAGEMENT_DECAY = 2.5;
// Share of carts that reach checkout_start without buying (abandoned checkouts), relative to those
// that buy: 0.55 × purchases ⇒ about 65 % of checkouts end in a purchase.
const ABANDONED_CHECKOUTS_PER_PURCHASE = 0.55;

// Share of the customers who sign up inside the window and never come back after the first visit.
const ONE_AND_DONE = 0.4;

/**
 * Share of a persona's activity window its customers spend returning, on average over their signup
 * dates: the part left once it starts at signup, nothing for the one-and-done.
 */
function meanWindowShare(persona: LatentPersona) {
  const [fromDays, toDays] = persona.activeDaysAgo;
  const [a, b] = persona.signupDaysAgo;
  const steps = 1_000;
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const signup = a + ((i + 0.5) / steps) * (b - a);
    sum +=
      (Math.max(0, Math.min(toDays, signup) - fromDays) / (toDays - fromDays)) *
      (signup < toDays ? 1 - ONE_AND_DONE : 1);
  }
  return sum / steps;
}
const MEAN_WINDOW_SHARE = new Map(LATENT_PERSONAS.map((p) => [p.key, meanWindowShare(p)]));

/**
 * One customer's life: a signup, then sessions of browsing, carts, checkouts and purchases from then
 * on (within the persona's active window), busiest right after signup.
 */
function behaviour(
  random: Random,
  persona: LatentPersona,
  profile: DemoProfile,
  signupAt: number,
  options: PopulationOptions,
  emit: (e: Omit<DemoEvent, "profileId" | "messageId" | "campaignId" | "variantId" | "channel">) => void,
) {
  emit({
    name: "signup",
    occurredAt: new Date(signupAt),
    properties: { source: profile.traits.signup_source },
    revenue: null,
  });
  // Sessions are spread so the population lands near the requested events per profile: the history
  // (signup, messages) takes its share, the rest goes to sessions of known expected size; busy
  // personas get more. (The gap walk adds about one session more than asked: see below.)
  const perSession =
    1.25 +
    (persona.viewsPerSession + 1) / 2 +
    persona.cartRate * (1 + persona.purchaseRate * (2 + ABANDONED_CHECKOUTS_PER_PURCHASE));
  const target = Math.max(
    0,
    ((options.eventsPerProfile - HISTORY_EVENTS_PER_PROFILE) / perSession) *
      (persona.sessionsPerWeek / MEAN_SESSIONS_PER_WEEK),
  );
  const [fromDays, toDays] = persona.activeDaysAgo;
  const windowStart = options.now.getTime() - toDays * DAY;
  const end = options.now.getTime() - fromDays * DAY;
  // A customer who signed up inside the window is active from signup on, at the persona's pace: the
  // session count follows the share of the window left (scaled so the persona's total stays put).
  const start = Math.max(windowStart, signupAt);
  if (start >= end) return;
  const share = (end - start) / (end - windowStart) / MEAN_WINDOW_SHARE.get(persona.key)!;
  const fresh = signupAt > windowStart;
  const returns = !fresh || !random.chance(ONE_AND_DONE);
  const place = (t: number) => (fresh ? start + (end - start) * ((t - start) / (end - start)) ** ENGAGEMENT_DECAY : t);
  const app = profile.platform !== "web";
  const session = (t: number) => {
    const at = (offsetMinutes: number) => new Date(t + offsetMinutes * 60_000);
    emit({
      name: app ? "app_open" : "session_start",
      occurredAt: at(0),
      properties: { platform: profile.platform },
      revenue: null,
    });
    let minute = 1;
    if (random.chance(0.25))
      emit({
        name: "search",
        occurredAt: at(minute++),
        properties: { query: random.pick(persona.categories)[0] },
        revenue: null,
      });
    const views = random.int(1, persona.viewsPerSession);
    let lastCategory = "";
    for (let i = 0; i < views; i++) {
      lastCategory = random.weighted(persona.categories);
      const price = Math.round(random.int(persona.orderValue[0], persona.orderValue[1]) * 100) / 100;
      emit({
        name: i === 0 && !app ? "page_view" : "product_view",
        occurredAt: at(minute++),
        properties: { category: lastCategory, price, sku: `${lastCategory}-${random.int(1, 40)}` },
        revenue: null,
      });
    }
    if (!random.chance(persona.cartRate)) return;
    emit({ name: "add_to_cart", occurredAt: at(minute++), properties: { category: lastCategory }, revenue: null });
    if (random.chance(persona.purchaseRate)) {
      emit({ name: "checkout_start", occurredAt: at(minute++), properties: {}, revenue: null });
      const revenue =
        Math.round((persona.orderValue[0] + random.next() * (persona.orderValue[1] - persona.orderValue[0])) * 100) /
        100;
      emit({
        name: "purchase",
        occurredAt: at(minute++),
        properties: { category: lastCategory, revenue, currency: "EUR" },
        revenue,
      });
    } else if (random.chance((persona.purchaseRate * ABANDONED_CHECKOUTS_PER_PURCHASE) / (1 - persona.purchaseRate))) {
      // Shipping costs, a forced account, a payment that fails: some checkouts end without a purchase.
      emit({ name: "checkout_start", occurredAt: at(minute++), properties: {}, revenue: null });
    }
  };
  if (!returns) {
    // They browsed once, signed up, and that was it.
    if (target >= SPARSE_SESSIONS) session(signupAt);
    return;
  }
  if (target < SPARSE_SESSIONS) {
    // Sparse populations (few events per profile, e.g. 1M profiles / 10M events): the gap walk below
    // always adds about one session more than asked, which there would be most of the budget. Draw
    // the count exactly instead (some profiles have no session at all) and place it at random.
    const exact = target * share;
    const count = Math.floor(exact) + (random.chance(exact % 1) ? 1 : 0);
    const times = Array.from({ length: count }, () => place(start + random.next() * (end - start))).sort(
      (a, b) => a - b,
    );
    for (const t of times) session(t);
    return;
  }
  const times: number[] = [];
  let t = start + random.exponential(DAY);
  const meanGap = (end - t) / (target * share);
  while (t < end) {
    times.push(place(t));
    t += random.exponential(meanGap);
  }
  for (const time of times) session(time);
}

/**
 * A campaign's rates are its audience's average: each persona's response is taken relative to the
 * mean response of those who got the send — the persona's share times the part of it signed up by then.
 */
const AUDIENCE_RESPONSE = new Map(
  DEMO_CAMPAIGNS.map((c) => {
    const weight = (p: LatentPersona) =>
      p.share * Math.min(1, Math.max(0, (p.signupDaysAgo[1] - c.daysAgo) / (p.signupDaysAgo[1] - p.signupDaysAgo[0])));
    const audience = LATENT_PERSONAS.filter((p) => c.audience(p));
    return [
      c.id,
      audience.reduce((sum, p) => sum + weight(p) * p.response[c.channel], 0) /
        audience.reduce((sum, p) => sum + weight(p), 0),
    ] as const;
  }),
);

/**
 * Systematic sampling for the funnel stages: each (campaign, variant, stage) adds up its members'
 * probabilities and lets one through each time the sum passes a whole number. Every profile still
 * responds with its own probability, but the counts land on their expectation (± 1) instead of
 * wandering by sampling noise — at 300 profiles a 45-recipient segmented push would otherwise show
 * anything from 0.7× to 2× the mass push's CTR, not the research's 1.25–1.4×.
 */
function createQuotas() {
  const sums = new Map<string, number>();
  return (key: string, p: number) => {
    const before = sums.get(key) ?? 0.5;
    sums.set(key, before + p);
    return Math.floor(before + p) > Math.floor(before);
  };
}
type Quotas = ReturnType<typeof createQuotas>;

/**
 * Past campaigns to those who had signed up by then: sent → delivered → opened (where the channel
 * can see opens) → clicked → converted, by targeting × persona × channel. Every message event carries
 * its message's id and send instant (reports count it on the day its message was sent).
 */
function messages(
  streams: { main: Random; own: (campaignId: string) => Random },
  quotas: Quotas,
  persona: LatentPersona,
  profile: DemoProfile,
  signupAt: number,
  options: PopulationOptions,
  emit: (e: Omit<DemoEvent, "profileId" | "messageId">) => void,
) {
  for (const campaign of DEMO_CAMPAIGNS) {
    const launchedAt = options.now.getTime() - campaign.daysAgo * DAY;
    if (!campaign.audience(persona) || !profile.consent[campaign.channel] || launchedAt < signupAt) continue;
    const random = campaign.ownStream ? streams.own(campaign.id) : streams.main;
    const variant = campaign.variants
      ? random.weighted(campaign.variants.map((v) => [v, v.draw ?? v.weight] as const))
      : null;
    const sentAt = launchedAt + random.int(0, 120) * 60_000;
    const base = { campaignId: campaign.id, variantId: variant?.id ?? null, channel: campaign.channel, revenue: null };
    const at = (minutes: number) => new Date(sentAt + minutes * 60_000);
    if (variant?.id === "holdout") {
      // The holdout gets nothing; its exposure is recorded when it would have been sent.
      emit({
        ...base,
        name: "experiment_exposure",
        occurredAt: at(0),
        properties: { experimentId: campaign.id, variant: "holdout" },
      });
      continue;
    }
    if (variant)
      emit({
        ...base,
        name: "experiment_exposure",
        occurredAt: at(0),
        properties: { experimentId: campaign.id, variant: variant.id },
      });
    const message = { messageId: `${profile.id}:${campaign.id}`, sentAt: at(0).toISOString() };
    emit({ ...base, name: "message_sent", occurredAt: at(0), properties: { ...message, campaign: campaign.name } });
    if (!random.chance(0.97)) continue;
    emit({ ...base, name: "message_delivered", occurredAt: at(1), properties: message });
    const rates = RATES[campaign.targeting];
    const response = (persona.response[campaign.channel] / AUDIENCE_RESPONSE.get(campaign.id)!) * (variant?.lift ?? 1);
    const click = Math.min(0.95, rates.ctr * response);
    const stage = (name: string) => `${campaign.id}/${variant?.id ?? ""}/${name}`;
    if (random.chance(0.003)) emit({ ...base, name: "message_unsubscribed", occurredAt: at(30), properties: message });
    // A click is drawn over everyone delivered (CTR's own denominator); where the channel sees opens,
    // every clicker opened and so did a share of the rest, up to the channel's open rate.
    const clicked = quotas(stage("click"), click);
    const openRate = OPEN_RATE[campaign.channel];
    if (
      openRate !== undefined &&
      (clicked || quotas(stage("open"), (Math.max(openRate, click) - click) / (1 - click)))
    ) {
      emit({ ...base, name: "message_opened", occurredAt: at(random.int(2, 600)), properties: message });
    }
    if (!clicked) continue;
    emit({
      ...base,
      name: "message_clicked",
      occurredAt: at(random.int(601, 700)),
      properties: { ...message, url: `https://shop.example/${campaign.id}` },
    });
    if (!quotas(stage("convert"), Math.min(1, (rates.conversion * response) / click))) continue;
    const revenue =
      Math.round((persona.orderValue[0] + random.next() * (persona.orderValue[1] - persona.orderValue[0])) * 100) / 100;
    emit({ ...base, name: "message_converted", occurredAt: at(720), properties: { ...message, revenue } });
    emit({
      campaignId: null,
      variantId: null,
      channel: null,
      name: "purchase",
      occurredAt: at(721),
      properties: { revenue, currency: "EUR", attributedTo: campaign.id },
      revenue,
    });
  }
}

/** A campaign's own stream's seed offset: a 32-bit FNV-1a hash of its id. */
function streamSalt(id: string) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Deterministic demo population: the same options always give the same profiles and events. */
export function* generatePopulation(
  options: PopulationOptions,
): Generator<{ profile: DemoProfile; events: DemoEvent[] }> {
  const random = createRandom(options.seed);
  const ownStreams = new Map<string, Random>();
  const own = (campaignId: string) => {
    if (!ownStreams.has(campaignId)) ownStreams.set(campaignId, createRandom(options.seed ^ streamSalt(campaignId)));
    return ownStreams.get(campaignId)!;
  };
  const quotas = createQuotas();
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
      traits: {
        first_name: firstName,
        signup_source: random.pick(["organic", "ads", "referral", "social"]),
        ...persona.declared,
      },
      consent: { email: random.chance(0.85), push: random.chance(0.6), sms: random.chance(0.35), in_app: true },
    };
    // App users have a device token; web visitors with push consent do not (a real "no address").
    if (profile.platform === "ios" || profile.platform === "android")
      profile.traits.push_token = `demo-push-${options.seed}-${i}`;
    const events: DemoEvent[] = [];
    let n = 0;
    const push = (event: Omit<DemoEvent, "profileId" | "messageId">) =>
      events.push({ ...event, profileId: id, messageId: `${id}-${n++}` });
    const [firstSignup, lastSignup] = persona.signupDaysAgo;
    const signupAt = options.now.getTime() - (firstSignup + random.next() * (lastSignup - firstSignup)) * DAY;
    behaviour(random, persona, profile, signupAt, options, (e) =>
      push({ ...e, campaignId: null, variantId: null, channel: null }),
    );
    messages({ main: random, own }, quotas, persona, profile, signupAt, options, push);
    yield { profile, events };
  }
}
