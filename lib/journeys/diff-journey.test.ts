import { describe, expect, it } from "vitest";
import { diffJourney, isUnchanged } from "./diff-journey";
import { insertBetween, removeNode, replaceStep } from "./edit-graph";
import { welcomeSeries } from "./examples";
import type { JourneyDefinition } from "./schema";

const published = welcomeSeries({ welcomePush: "t-push", gettingStartedEmail: "t-email", tipsInApp: "t-inapp" });

describe("diffJourney", () => {
  it("finds nothing between a version and itself, whatever the key order", () => {
    const reordered = JSON.parse(JSON.stringify(published), (_, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as JourneyDefinition;
    expect(isUnchanged(diffJourney(published, reordered))).toBe(true);
  });

  it("names an added step and the step whose exit now leads to it", () => {
    const draft = insertBetween(published, "welcome-push", "next", {
      id: "wait-2",
      kind: "wait",
      wait: { type: "duration", minutes: 30 },
      exits: {},
    });
    const diff = diffJourney(published, draft);
    expect(diff.added).toEqual([{ id: "wait-2", kind: "wait" }]);
    expect(diff.changed).toEqual([{ id: "welcome-push", kind: "send", fields: ["exits"] }]);
    expect(diff.removed).toEqual([]);
  });

  it("names a removed step", () => {
    const diff = diffJourney(published, removeNode(published, "wait-1d"));
    expect(diff.removed).toEqual([{ id: "wait-1d", kind: "wait" }]);
    expect(diff.changed.map((c) => c.id)).toEqual(["getting-started-email"]);
  });

  it("names the fields a step changed, with its label", () => {
    const split = published.nodes.find((n) => n.id === "opened-app")!;
    const draft = replaceStep(published, { ...split, label: "Opened it?" });
    const send = draft.nodes.find((n) => n.id === "tips-in-app")!;
    if (send.kind !== "send") throw new Error("not a send step");
    const diff = diffJourney(published, replaceStep(draft, { ...send, templateId: "t-other", onSkip: "exit" }));
    expect(diff.changed).toEqual([
      { id: "opened-app", kind: "split", label: "Opened it?", fields: ["label"] },
      { id: "tips-in-app", kind: "send", fields: ["templateId", "onSkip"] },
    ]);
  });

  it("names a changed goal and exit criteria", () => {
    const draft = {
      ...published,
      goal: { event: "purchase", where: [], windowDays: 7 },
      exitCriteria: [{ type: "event" as const, event: "unsubscribe", where: [] }],
    };
    expect(diffJourney(published, draft).journey).toEqual(["goal", "exitCriteria"]);
  });
});
