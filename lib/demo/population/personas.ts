/**
 * The latent personas behind the demo population. They are not stored on profiles: segments and
 * personas built in Tailor should rediscover them from behaviour, traits and responses.
 */
export type LatentPersona = {
  key: "deal_hunter" | "high_spender" | "eco_conscious" | "lapsed" | "new_user";
  share: number;
  sessionsPerWeek: number;
  categories: readonly (readonly [string, number])[];
  viewsPerSession: number;
  cartRate: number; // per session
  purchaseRate: number; // per cart
  orderValue: readonly [number, number];
  platforms: readonly (readonly [string, number])[];
  activeDaysAgo: readonly [number, number]; // when their activity happens, in days before now
  // When they signed up, in days before now (uniform). Activity starts at signup at the earliest, so
  // a steady stream of signups gives the retention report weekly cohorts to follow.
  signupDaysAgo: readonly [number, number];
  // Response to messages by channel: open and click probability multipliers.
  response: Record<"email" | "push" | "sms", number>;
  declared: Record<string, unknown>; // survey-style declared preferences
};

export const LATENT_PERSONAS: readonly LatentPersona[] = [
  {
    key: "deal_hunter",
    share: 0.3,
    sessionsPerWeek: 3,
    categories: [
      ["sale", 5],
      ["shoes", 2],
      ["electronics", 2],
      ["home", 1],
    ],
    viewsPerSession: 6,
    cartRate: 0.3,
    purchaseRate: 0.35,
    orderValue: [15, 60],
    platforms: [
      ["android", 5],
      ["ios", 3],
      ["web", 2],
    ],
    activeDaysAgo: [0, 90],
    signupDaysAgo: [0, 180],
    response: { email: 1.2, push: 1.3, sms: 1.1 },
    declared: { price_sensitivity: "high", newsletter_topics: ["deals"] },
  },
  {
    key: "high_spender",
    share: 0.15,
    sessionsPerWeek: 2,
    categories: [
      ["fashion", 4],
      ["jewellery", 3],
      ["electronics", 2],
    ],
    viewsPerSession: 4,
    cartRate: 0.35,
    purchaseRate: 0.6,
    orderValue: [150, 600],
    platforms: [
      ["ios", 6],
      ["web", 3],
      ["android", 1],
    ],
    activeDaysAgo: [0, 90],
    signupDaysAgo: [0, 180],
    response: { email: 1.0, push: 0.8, sms: 0.7 },
    declared: { price_sensitivity: "low", newsletter_topics: ["new_arrivals"] },
  },
  {
    key: "eco_conscious",
    share: 0.2,
    sessionsPerWeek: 1.5,
    categories: [
      ["sustainable", 5],
      ["home", 2],
      ["fashion", 2],
    ],
    viewsPerSession: 5,
    cartRate: 0.25,
    purchaseRate: 0.45,
    orderValue: [40, 140],
    platforms: [
      ["web", 5],
      ["ios", 3],
      ["android", 2],
    ],
    activeDaysAgo: [0, 90],
    signupDaysAgo: [0, 180],
    response: { email: 1.3, push: 0.7, sms: 0.6 },
    declared: { price_sensitivity: "medium", cares_about: "sustainability", newsletter_topics: ["sustainability"] },
  },
  {
    key: "lapsed",
    share: 0.2,
    sessionsPerWeek: 1.2,
    categories: [
      ["shoes", 2],
      ["fashion", 2],
      ["home", 1],
    ],
    viewsPerSession: 3,
    cartRate: 0.15,
    purchaseRate: 0.3,
    orderValue: [30, 90],
    platforms: [
      ["android", 4],
      ["web", 4],
      ["ios", 2],
    ],
    activeDaysAgo: [45, 90], // nothing in the last 45 days: the inactivity trigger's audience
    signupDaysAgo: [90, 365],
    response: { email: 0.5, push: 0.4, sms: 0.5 },
    declared: {},
  },
  {
    key: "new_user",
    share: 0.15,
    sessionsPerWeek: 2.5,
    categories: [
      ["fashion", 2],
      ["shoes", 2],
      ["sale", 2],
      ["home", 1],
    ],
    viewsPerSession: 5,
    cartRate: 0.2,
    purchaseRate: 0.25,
    orderValue: [20, 80],
    platforms: [
      ["ios", 4],
      ["android", 4],
      ["web", 2],
    ],
    activeDaysAgo: [0, 14],
    signupDaysAgo: [0, 14],
    response: { email: 1.0, push: 1.1, sms: 0.9 },
    declared: {},
  },
];

export const PLACES = [
  { country: "DE", city: "Berlin", locale: "de-DE", timezone: "Europe/Berlin", weight: 4 },
  { country: "AT", city: "Vienna", locale: "de-AT", timezone: "Europe/Vienna", weight: 1 },
  { country: "FR", city: "Paris", locale: "fr-FR", timezone: "Europe/Paris", weight: 3 },
  { country: "GB", city: "London", locale: "en-GB", timezone: "Europe/London", weight: 3 },
  { country: "US", city: "New York", locale: "en-US", timezone: "America/New_York", weight: 4 },
  { country: "US", city: "San Francisco", locale: "en-US", timezone: "America/Los_Angeles", weight: 2 },
  { country: "ES", city: "Madrid", locale: "es-ES", timezone: "Europe/Madrid", weight: 2 },
] as const;

export const FIRST_NAMES = [
  "Ada",
  "Ben",
  "Chiara",
  "Dmitri",
  "Elif",
  "Farah",
  "Gustav",
  "Hana",
  "Ivo",
  "Jana",
  "Kofi",
  "Lea",
  "Mateo",
  "Nina",
  "Omar",
  "Pia",
  "Quentin",
  "Rosa",
  "Sven",
  "Tara",
] as const;
