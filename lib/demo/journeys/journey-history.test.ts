import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/demo/population/random";
import { cartRecovery, winBack } from "@/lib/journeys/examples";
import { journeyHistory, type HistoryInput, type HistoryProfile } from "./journey-history";

const HOUR = 3_600_000;
const now = Date.UTC(2026, 11, 1);
const since = now - 45 * 24 * HOUR;
const campaigns = {
  "reminder-email": { campaignId: "c-mail", channel: "email" },
  "discount-push": { campaignId: "c-discount", channel: "push" },
  "reminder-push": { campaignId: "c-push", channel: "push" },
};

const profile = (id: string, events: [string, number][], dealHunter = false): HistoryProfile => ({
  id,
  consent: { email: true, push: true },
  reachable: new Set(["email", "push"]),
  personas: new Set(dealHunter ? ["dani"] : []),
  events: events.map(([name, at]) => ({ name, at })),
});

const cart = (profiles: HistoryProfile[]) => {
  let n = 0;
  const input: HistoryInput = {
    journeyId: "j",
    definition: cartRecovery({
      reminderEmail: "t1",
      discountPush: "t2",
      reminderPush: "t3",
      dealHunterPersonaId: "dani",
    }),
    campaigns,
    since,
    now,
    triggers: (p) => p.events.filter((e) => e.name === "add_to_cart").map((e) => e.at),
    random: createRandom(42),
    id: (kind) => `${kind}-${++n}`,
  };
  return journeyHistory(profiles, input);
};

describe("a demo journey's replayed history", () => {
  it("exits a cart with the goal at the first wait when the purchase comes within the hour, without running the wait", () => {
    const t0 = now - 10 * 24 * HOUR;
    const h = cart([
      profile("p", [
        ["add_to_cart", t0],
        ["purchase", t0 + 10 * 60_000],
      ]),
    ]);
    expect(h.entries).toMatchObject([
      { nodeId: "wait-purchase-1h", state: "exited", exitReason: "goal", convertedAt: new Date(t0 + 10 * 60_000) },
    ]);
    expect(h.steps.map((s) => s.nodeId)).toEqual(["entry"]);
    expect(h.messages).toEqual([]);
  });

  it("walks an unbought cart through both reminders to the deal hunter's discount push, and keeps its reason when it buys later", () => {
    const t0 = now - 10 * 24 * HOUR;
    const h = cart([
      profile(
        "p",
        [
          ["add_to_cart", t0],
          ["purchase", t0 + 30 * HOUR],
        ],
        true,
      ),
    ]);
    expect(h.steps.map((s) => [s.nodeId, s.exit, s.outcome])).toEqual([
      ["entry", "next", "entered"],
      ["wait-purchase-1h", "timeout", "waited"],
      ["reminder-email", "next", "queued"],
      ["wait-purchase-24h", "timeout", "waited"],
      ["deal-hunter", "yes", "branch"],
      ["discount-push", "next", "queued"],
      ["done", null, "exited"],
    ]);
    expect(h.entries[0]).toMatchObject({
      nodeId: "done",
      exitReason: "completed",
      convertedAt: new Date(t0 + 30 * HOUR),
    });
    expect(h.messages.map((m) => m.campaignId)).toEqual(["c-mail", "c-discount"]);
    // Each message is its step's, sent (never left queued for the worker to send again) before now.
    expect(h.steps.filter((s) => s.messageId).map((s) => s.messageId)).toEqual(h.messages.map((m) => m.id));
    expect(h.messages.every((m) => m.sentAt.getTime() <= now)).toBe(true);
  });

  it("leaves a cart added half an hour ago waiting for a purchase, and re-enters only a day after the last entry", () => {
    const h = cart([
      profile("p", [
        ["add_to_cart", now - 3 * 24 * HOUR],
        ["add_to_cart", now - 3 * 24 * HOUR + HOUR],
        ["add_to_cart", now - HOUR / 2],
      ]),
    ]);
    expect(h.entries.map((e) => [e.occurrence, e.state])).toEqual([
      [1, "exited"],
      [2, "waiting"],
    ]);
    expect(h.entries[1]).toMatchObject({
      nodeId: "wait-purchase-1h",
      waitingFor: "purchase",
      dueAt: new Date(now + HOUR / 2),
    });
  });

  it("holds out the share drawArm holds out, and counts their goal after they exited", () => {
    let n = 0;
    const profiles = Array.from({ length: 2_000 }, (_, i) =>
      profile(`p${i}`, [
        ["app_open", now - 20 * 24 * HOUR],
        ["app_open", now - 2 * 24 * HOUR],
      ]),
    );
    const h = journeyHistory(profiles, {
      journeyId: "win",
      definition: winBack({ inactiveSegmentId: "s", offerA: "a", offerB: "b" }),
      campaigns: {
        "send-offer-a": { campaignId: "ca", channel: "email" },
        "send-offer-b": { campaignId: "cb", channel: "email" },
      },
      since,
      now,
      triggers: () => [now - 6 * 24 * HOUR],
      random: createRandom(1),
      id: (kind) => `${kind}-${++n}`,
    });
    const held = h.entries.filter((e) => e.exitReason === "holdout");
    expect(held.length / h.entries.length).toBeGreaterThan(0.08);
    expect(held.length / h.entries.length).toBeLessThan(0.12);
    const back = new Date(now - 2 * 24 * HOUR);
    expect(held.every((e) => e.nodeId === "offer-test" && e.convertedAt?.getTime() === back.getTime())).toBe(true);
  });
});
