import type { JourneyDefinition } from "./schema";

/*
 * The research's three sequences, which the demo workspace shows as journeys. Template, segment
 * and persona ids belong to a workspace, so they are passed in.
 */

const HOUR = 60;
const DAY = 24 * HOUR;
const exit = (id: string) => ({ id, kind: "exit", exits: {} }) as const;
const send = (id: string, templateId: string, next: string) =>
  ({ id, kind: "send", templateId, onSkip: "continue", exits: { next } }) as const;

/** The first 24 hours: a welcome push, and for those who have not opened the app, an e-mail and an in-app tip. */
export function welcomeSeries(templates: {
  welcomePush: string;
  gettingStartedEmail: string;
  tipsInApp: string;
}): JourneyDefinition {
  return {
    version: 1,
    nodes: [
      {
        id: "entry",
        kind: "entry",
        trigger: { type: "event", event: "signup", where: [] },
        reentry: { type: "once" },
        exits: { next: "welcome-push" },
      },
      send("welcome-push", templates.welcomePush, "wait-4h"),
      { id: "wait-4h", kind: "wait", wait: { type: "duration", minutes: 4 * HOUR }, exits: { next: "opened-app" } },
      {
        id: "opened-app",
        kind: "split",
        label: "Opened the app since signing up?",
        // The split runs 4 hours after entry, so "in the last 4 hours" is "since entry".
        split: {
          type: "condition",
          condition: {
            type: "segment",
            definition: {
              version: 1,
              root: {
                kind: "group",
                id: "root",
                op: "and",
                children: [
                  {
                    kind: "event",
                    id: "app-open",
                    event: "app_open",
                    where: [],
                    measure: { type: "count", op: "at_least", count: 1 },
                    window: { type: "last", amount: 4, unit: "hours" },
                  },
                ],
              },
            },
          },
        },
        exits: { yes: "done", no: "getting-started-email" },
      },
      send("getting-started-email", templates.gettingStartedEmail, "wait-1d"),
      { id: "wait-1d", kind: "wait", wait: { type: "duration", minutes: DAY }, exits: { next: "tips-in-app" } },
      send("tips-in-app", templates.tipsInApp, "done"),
      exit("done"),
    ],
    exitCriteria: [],
  };
}

const purchase = { event: "purchase", where: [] };

/** Cart recovery: a reminder e-mail after an hour, then a push a day later — a discount for deal hunters. */
export function cartRecovery(ids: {
  reminderEmail: string;
  discountPush: string;
  reminderPush: string;
  dealHunterPersonaId: string;
}): JourneyDefinition {
  return {
    version: 1,
    nodes: [
      {
        id: "entry",
        kind: "entry",
        trigger: { type: "event", event: "add_to_cart", where: [] },
        reentry: { type: "after", days: 1 },
        exits: { next: "wait-purchase-1h" },
      },
      {
        id: "wait-purchase-1h",
        kind: "wait",
        wait: { type: "event", ...purchase, timeoutMinutes: HOUR },
        exits: { event: "done", timeout: "reminder-email" },
      },
      send("reminder-email", ids.reminderEmail, "wait-purchase-24h"),
      {
        id: "wait-purchase-24h",
        kind: "wait",
        wait: { type: "event", ...purchase, timeoutMinutes: DAY },
        exits: { event: "done", timeout: "deal-hunter" },
      },
      {
        id: "deal-hunter",
        kind: "split",
        label: "Deal hunter?",
        split: {
          type: "condition",
          condition: {
            type: "segment",
            definition: {
              version: 1,
              root: {
                kind: "group",
                id: "root",
                op: "and",
                children: [{ kind: "persona", id: "deal-hunter", personaId: ids.dealHunterPersonaId }],
              },
            },
          },
        },
        exits: { yes: "discount-push", no: "reminder-push" },
      },
      send("discount-push", ids.discountPush, "done"),
      send("reminder-push", ids.reminderPush, "done"),
      exit("done"),
    ],
    goal: { ...purchase, windowDays: 7 },
    exitCriteria: [],
  };
}

/**
 * Win-back after 14 days of inactivity: two offers tested against each other, with 10 % held
 * out so the readout can say whether messaging them brought anyone back at all.
 */
export function winBack(ids: { inactiveSegmentId: string; offerA: string; offerB: string }): JourneyDefinition {
  return {
    version: 1,
    nodes: [
      {
        id: "entry",
        kind: "entry",
        label: "14 days inactive",
        trigger: { type: "segment", segmentId: ids.inactiveSegmentId },
        reentry: { type: "after", days: 30 },
        exits: { next: "offer-test" },
      },
      {
        id: "offer-test",
        kind: "split",
        split: {
          type: "random",
          arms: [
            { name: "offer-a", percent: 50 },
            { name: "offer-b", percent: 50 },
          ],
          holdoutPercent: 10,
        },
        exits: { "offer-a": "send-offer-a", "offer-b": "send-offer-b" },
      },
      send("send-offer-a", ids.offerA, "done"),
      send("send-offer-b", ids.offerB, "done"),
      exit("done"),
    ],
    goal: { event: "app_open", where: [], windowDays: 14 },
    exitCriteria: [],
  };
}
