import { describe, expect, it } from "vitest";
import { journeyNodeSchema, nodesById, type JourneyNode } from "@/lib/journeys";
import { describeExit, describeMinutes, describeNode } from "./describe-node";

const node = (input: unknown) => journeyNodeSchema.parse(input);
const templates = { t1: { name: "Welcome", channel: "push" } };
const say = (n: JourneyNode, others: JourneyNode[] = []) =>
  describeNode(n, templates, nodesById({ nodes: [n, ...others], version: 1, exitCriteria: [] }));

describe("describeNode", () => {
  it("asks a labelled split's question once, and says an entry's event is still to pick", () => {
    const empty = { version: 1, root: { kind: "group", id: "root", op: "and", children: [] } };
    const split = { type: "condition", condition: { type: "segment", definition: empty } };
    expect(say(node({ id: "p", kind: "split", label: "Purchased?", split }))).toBe("Split: Purchased? yes / no");
    // A draft being built, which the schema does not pass yet.
    const entry = {
      id: "e",
      kind: "entry",
      trigger: { type: "event", event: "", where: [] },
      reentry: { type: "once" },
    };
    expect(say({ ...entry, exits: {} } as JourneyNode)).toBe("Enters on an event still to pick, once per person");
  });

  it("says a duration in days, hours and minutes", () => {
    expect(describeMinutes(60)).toBe("1 hour");
    expect(describeMinutes(1530)).toBe("1 day 1 hour 30 minutes");
    expect(say(node({ id: "w", kind: "wait", wait: { type: "duration", minutes: 240 } }))).toBe("Wait 4 hours");
  });

  it("names a send's template and channel, or its id when the template is unknown", () => {
    expect(say(node({ id: "s", kind: "send", templateId: "t1" }))).toBe("Send mobile push “Welcome”");
    expect(say(node({ id: "s", kind: "send", templateId: "gone" }))).toBe("Send template gone");
  });

  it("lists a random split's arms and holdout", () => {
    const split = node({
      id: "r",
      kind: "split",
      split: {
        type: "random",
        arms: [
          { name: "A", percent: 50 },
          { name: "B", percent: 50 },
        ],
        holdoutPercent: 10,
      },
    });
    expect(say(split)).toBe("Random: A 50 % · B 50 % · holdout 10 %");
    expect(describeExit(split, "A")).toBe("A · 50 %");
  });

  it("asks an engagement split's question about the message step it reads", () => {
    const send = node({ id: "s", kind: "send", templateId: "t1", label: "Welcome push" });
    const split = node({
      id: "q",
      kind: "split",
      split: { type: "condition", condition: { type: "engagement", action: "opened", sendNodeId: "s" } },
    });
    expect(say(split, [send])).toBe("Split: opened “Welcome push”? yes / no");
    expect(describeExit(split, "no")).toBe("No");
  });
});
