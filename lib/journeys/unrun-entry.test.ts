import { describe, expect, it } from "vitest";
import { cartRecovery, welcomeSeries, winBack } from "./examples";
import { unrunEntryTrigger } from "./unrun-entry";

const ids = {
  welcomePush: "t1",
  gettingStartedEmail: "t2",
  tipsInApp: "t3",
  reminderEmail: "t4",
  discountPush: "t5",
  reminderPush: "t6",
  dealHunterPersonaId: "p1",
  inactiveSegmentId: "s1",
  offerA: "t7",
  offerB: "t8",
};

describe("unrunEntryTrigger", () => {
  it("is null for the event entries the engine runs", () => {
    expect(unrunEntryTrigger(cartRecovery(ids))).toBeNull();
  });

  it("names a segment, persona or schedule entry, which nobody enters yet", () => {
    expect(unrunEntryTrigger(winBack(ids))).toBe("segment");
    const welcome = welcomeSeries(ids);
    const persona = {
      ...welcome,
      nodes: welcome.nodes.map((n) =>
        n.kind === "entry" ? { ...n, trigger: { type: "persona" as const, personaId: "p1" } } : n,
      ),
    };
    expect(unrunEntryTrigger(persona)).toBe("persona");
  });
});
