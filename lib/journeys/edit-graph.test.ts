import { describe, expect, it } from "vitest";
import { moveStep, moveStepTo, replaceStep } from "./edit-graph";
import { welcomeSeries, winBack } from "./examples";
import { newStep, starterJourney } from "./new-step";
import { journeyDefinitionSchema, type JourneyDefinition, type JourneyNode } from "./schema";
import { validateJourney } from "./validate-journey";

const welcome = () => welcomeSeries({ welcomePush: "t-push", gettingStartedEmail: "t-email", tipsInApp: "t-inapp" });
const node = (definition: { nodes: JourneyNode[] }, id: string) => definition.nodes.find((n) => n.id === id)!;

describe("replaceStep", () => {
  it("keeps a wait connected when it becomes a wait for an event: its first exit takes the old target", () => {
    const wait = node(welcome(), "wait-4h");
    if (wait.kind !== "wait") throw new Error("not a wait step");
    const after = replaceStep(welcome(), {
      ...wait,
      wait: { type: "event", event: "app_open", where: [], timeoutMinutes: 60 },
    });
    expect(node(after, "wait-4h").exits).toEqual({ event: "opened-app" });
  });

  it("keeps a random split's branch when its arm is renamed", () => {
    const split = node(winBack({ inactiveSegmentId: "s", offerA: "a", offerB: "b" }), "offer-test");
    if (split.kind !== "split" || split.split.type !== "random") throw new Error("not a random split");
    const renamed = {
      ...split,
      split: { ...split.split, arms: [{ name: "first", percent: 50 }, split.split.arms[1]!] },
    };
    const after = replaceStep(winBack({ inactiveSegmentId: "s", offerA: "a", offerB: "b" }), renamed);
    expect(node(after, "offer-test").exits).toEqual({ first: "send-offer-a", "offer-b": "send-offer-b" });
  });
});

describe("moveStep", () => {
  it("swaps two steps in a straight run and reconnects the step before them", () => {
    const after = moveStep(welcome(), "welcome-push", "down")!;
    expect(node(after, "entry").exits).toEqual({ next: "wait-4h" });
    expect(node(after, "wait-4h").exits).toEqual({ next: "welcome-push" });
    expect(node(after, "welcome-push").exits).toEqual({ next: "opened-app" });
    expect(validateJourney(after)).toEqual([]);
  });

  it("moves up as the mirror of moving down", () => {
    expect(moveStep(welcome(), "wait-4h", "up")).toEqual(moveStep(welcome(), "welcome-push", "down"));
  });

  it("refuses to move past the entry or a split", () => {
    expect(moveStep(welcome(), "welcome-push", "up")).toBeNull();
    expect(moveStep(welcome(), "wait-4h", "down")).toBeNull();
  });
});

describe("newStep", () => {
  it("makes a step of each kind, complete where there is an obvious default,, with an id the journey does not use", () => {
    const journey = starterJourney();
    for (const kind of ["send", "wait", "split", "update_trait", "webhook", "exit"] as const) {
      const step = newStep(journey, kind);
      expect(journey.nodes.map((n) => n.id)).not.toContain(step.id);
      // A trait to set and an address to call are the marketer's to give: those two start incomplete.
      if (kind !== "update_trait" && kind !== "webhook")
        expect(journeyDefinitionSchema.safeParse({ nodes: [step] }).success).toBe(true);
    }
    expect(newStep(journey, "exit").id).toBe("exit-2");
  });
});

describe("moveStepTo", () => {
  const run = (): JourneyDefinition => {
    // entry → a → b → c → exit: a straight run of three waits.
    const wait = (id: string, next: string): JourneyNode => ({
      id,
      kind: "wait",
      wait: { type: "duration", minutes: 60 },
      exits: { next },
    });
    return {
      version: 1,
      nodes: [
        { ...starterJourney().nodes[0]!, exits: { next: "a" } },
        wait("a", "b"),
        wait("b", "c"),
        wait("c", "done"),
        { id: "done", kind: "exit", exits: {} },
      ],
      exitCriteria: [],
    };
  };
  const order = (definition: JourneyDefinition | null) => {
    if (!definition) throw new Error("not moved");
    const ids: string[] = [];
    for (let id: string | undefined = "entry"; id; id = Object.values(node(definition, id).exits)[0]) ids.push(id);
    return ids;
  };

  it("drops a step after a later one, and before an earlier one", () => {
    expect(order(moveStepTo(run(), "a", "c"))).toEqual(["entry", "b", "c", "a", "done"]);
    expect(order(moveStepTo(run(), "c", "a"))).toEqual(["entry", "c", "a", "b", "done"]);
  });

  it("refuses a drop outside the straight run", () => {
    expect(moveStepTo(run(), "a", "entry")).toBeNull();
    expect(moveStepTo(run(), "a", "done")).toBeNull();
  });
});
