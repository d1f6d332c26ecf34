import { describe, expect, it } from "vitest";
import {
  type JourneyDefinition,
  type JourneyNode,
  cartRecovery,
  exitsOf,
  insertBetween,
  journeyDefinitionSchema,
  removeNode,
  topologicalOrder,
  validateJourney,
  welcomeSeries,
  winBack,
} from "@/lib/journeys";

const welcome = () => welcomeSeries({ welcomePush: "t-push", gettingStartedEmail: "t-email", tipsInApp: "t-in-app" });
const cart = () =>
  cartRecovery({ reminderEmail: "t1", discountPush: "t2", reminderPush: "t3", dealHunterPersonaId: "p-deal" });
const winback = () => winBack({ inactiveSegmentId: "s-inactive", offerA: "t-a", offerB: "t-b" });

/** Edits one node of a definition (found by id) with a shallow patch. */
const patch = (definition: JourneyDefinition, id: string, change: object): JourneyDefinition => ({
  ...definition,
  nodes: definition.nodes.map((node) => (node.id === id ? { ...node, ...change } : node)),
});
const fields = (definition: JourneyDefinition, context = {}) =>
  validateJourney(definition, context).map((issue) => issue.field);
const schemaPaths = (input: unknown) => {
  const result = journeyDefinitionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
};
const wait = (id: string, minutes: number, next: string): JourneyNode => ({
  id,
  kind: "wait",
  wait: { type: "duration", minutes },
  exits: { next },
});

const templateOf = (node: JourneyNode) => (node.kind === "send" && node.templateId ? [node.templateId] : []);

describe("journey examples", () => {
  it.each([
    ["welcome series", welcome],
    ["cart recovery", cart],
    ["win-back", winback],
  ])("the %s parses unchanged and can be published", (_, example) => {
    expect(journeyDefinitionSchema.parse(example())).toEqual(example());
    expect(validateJourney(example(), { publishedTemplateIds: example().nodes.flatMap(templateOf) })).toEqual([]);
  });
});

describe("journey schema", () => {
  it("rejects a wait shorter than a minute or longer than 90 days, naming the field", () => {
    expect(schemaPaths(patch(welcome(), "wait-4h", { wait: { type: "duration", minutes: 0 } }))).toEqual([
      "nodes.2.wait.minutes",
    ]);
    const timeout = { type: "event", event: "purchase", where: [], timeoutMinutes: 90 * 24 * 60 + 1 };
    expect(schemaPaths(patch(cart(), "wait-purchase-24h", { wait: timeout }))).toEqual(["nodes.3.wait.timeoutMinutes"]);
  });

  it("rejects out-of-range re-entry, holdout and local times, naming the field", () => {
    expect(schemaPaths(patch(winback(), "entry", { reentry: { type: "after", days: 366 } }))).toEqual([
      "nodes.0.reentry.days",
    ]);
    const split = {
      type: "random",
      arms: [
        { name: "a", percent: 100 },
        { name: "b", percent: 0 },
      ],
      holdoutPercent: 60,
    };
    expect(schemaPaths(patch(winback(), "offer-test", { split }))).toEqual([
      "nodes.1.split.arms.1.percent",
      "nodes.1.split.holdoutPercent",
    ]);
    expect(schemaPaths(patch(welcome(), "wait-4h", { wait: { type: "local_time", at: "24:00" } }))).toEqual([
      "nodes.2.wait.at",
    ]);
  });

  it("refuses a step id used twice, unknown keys and a webhook that is not http(s)", () => {
    expect(schemaPaths(patch(welcome(), "wait-1d", { id: "wait-4h" }))).toEqual(["nodes.5.id"]);
    expect(
      schemaPaths(patch(welcome(), "entry", { trigger: { type: "event", event: "x", where: [], limit: 1 } })),
    ).toEqual(["nodes.0.trigger"]);
    const webhook = (url: string) => ({ id: "hook", kind: "webhook", url, method: "POST", exits: { next: "done" } });
    const withWebhook = (url: string) => ({ ...welcome(), nodes: [...welcome().nodes, webhook(url)] });
    expect(schemaPaths(withWebhook("ftp://example.com/x"))).toEqual(["nodes.8.url"]);
    expect(schemaPaths(withWebhook("https://example.com/x"))).toEqual([]);
  });

  it("refuses more than 100 steps", () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ id: `x${i}`, kind: "exit", exits: {} }));
    const input = { ...welcome(), nodes: [...welcome().nodes, ...many] };
    expect(schemaPaths(input)).toEqual(["nodes"]);
    expect(fields(input as JourneyDefinition)).toContain("nodes");
  });
});

describe("validateJourney", () => {
  it("asks for exactly one entry", () => {
    const withoutEntry = { ...welcome(), nodes: welcome().nodes.filter((node) => node.kind !== "entry") };
    expect(fields(withoutEntry)).toContain("nodes");
    const second = { ...welcome().nodes[0]!, id: "entry-2" };
    expect(fields({ ...welcome(), nodes: [...welcome().nodes, second] })).toContain("nodes.8.kind");
  });

  it("names an exit leading to a missing step, an unconnected exit and an exit the step lacks", () => {
    expect(fields(patch(welcome(), "wait-1d", { exits: { next: "nowhere" } }))).toEqual([
      "nodes.5.exits.next",
      "nodes.6",
    ]);
    expect(fields(patch(welcome(), "opened-app", { exits: { yes: "done" } }))).toContain("nodes.3.exits.no");
    expect(fields(patch(welcome(), "wait-1d", { exits: { next: "tips-in-app", timeout: "done" } }))).toEqual([
      "nodes.5.exits.timeout",
    ]);
  });

  it("refuses a loop", () => {
    const issues = validateJourney(patch(welcome(), "wait-1d", { exits: { next: "welcome-push" } }));
    expect(issues.map((issue) => issue.message).join(" ")).toMatch(/loop/);
    expect(issues.some((issue) => issue.field.endsWith(".exits"))).toBe(true);
  });

  it("names a step no path from the entry leads to", () => {
    const orphan: JourneyNode = { id: "orphan", kind: "exit", exits: {} };
    expect(validateJourney({ ...welcome(), nodes: [...welcome().nodes, orphan] })).toEqual([
      { nodeId: "orphan", field: "nodes.8", message: "No path from the entry leads to this step." },
    ]);
  });

  it("bounds the total of waits on any path to 365 days", () => {
    const day90 = 90 * 24 * 60;
    const chain = [1, 2, 3, 4, 5].map((n) => wait(`w${n}`, day90, n === 5 ? "done" : `w${n + 1}`));
    const long = { ...welcome(), nodes: [patch(welcome(), "entry", { exits: { next: "w1" } }).nodes[0]!, ...chain] };
    long.nodes.push({ id: "done", kind: "exit", exits: {} });
    expect(fields(long)).toEqual(["nodes.5.wait"]);
    expect(fields({ ...long, nodes: long.nodes.filter((node) => node.id !== "w5").map(relink("w5", "done")) })).toEqual(
      [],
    );
  });

  it("asks each message for a template, published when the server says which are", () => {
    expect(fields(patch(welcome(), "tips-in-app", { templateId: undefined }))).toEqual(["nodes.6.templateId"]);
    expect(fields(welcome(), { publishedTemplateIds: ["t-push", "t-email"] })).toEqual(["nodes.6.templateId"]);
  });

  it("asks an engagement split about a message every profile was sent before it", () => {
    const engaged = (sendNodeId: string) => ({
      split: { type: "condition", condition: { type: "engagement", action: "opened", sendNodeId } },
    });
    expect(fields(patch(welcome(), "opened-app", engaged("welcome-push")))).toEqual([]);
    expect(fields(patch(welcome(), "opened-app", engaged("tips-in-app")))).toEqual([
      "nodes.3.split.condition.sendNodeId",
    ]);
    expect(fields(patch(welcome(), "opened-app", engaged("wait-4h")))).toEqual(["nodes.3.split.condition.sendNodeId"]);
    // Arm B never sees offer A, so "clicked offer A?" after both arms meet is not asked of everyone.
    const clicked: JourneyNode = {
      id: "clicked",
      kind: "split",
      ...engaged("send-offer-a"),
      exits: { yes: "done", no: "done" },
    } as JourneyNode;
    const joined = { ...winback(), nodes: [...winback().nodes.map(relink("done", "clicked")), clicked] };
    expect(fields(joined)).toEqual(["nodes.5.split.condition.sendNodeId"]);
  });

  it("asks a random split's arms to add up to 100 %", () => {
    const split = {
      type: "random",
      arms: [
        { name: "offer-a", percent: 50 },
        { name: "offer-b", percent: 40 },
      ],
      holdoutPercent: 10,
    };
    const issues = validateJourney(patch(winback(), "offer-test", { split }));
    expect(issues).toEqual([
      {
        nodeId: "offer-test",
        field: "nodes.1.split.arms",
        message: "The arms add up to 90 %; make them add up to 100 %.",
      },
    ]);
  });
});

/** Points every edge to `from` at `to` instead (the edited node keeps its own exits otherwise). */
const relink = (from: string, to: string) => (node: JourneyNode) =>
  node.id === to
    ? node
    : { ...node, exits: Object.fromEntries(Object.entries(node.exits).map(([e, t]) => [e, t === from ? to : t])) };

describe("graph helpers", () => {
  it("lists each kind of step's exits", () => {
    const [entry, push, wait4h, split] = welcome().nodes;
    expect([entry, push, wait4h, split].map((node) => exitsOf(node!))).toEqual([
      ["next"],
      ["next"],
      ["next"],
      ["yes", "no"],
    ]);
    expect(exitsOf(cart().nodes[1]!)).toEqual(["event", "timeout"]);
    expect(exitsOf(winback().nodes[1]!)).toEqual(["offer-a", "offer-b"]);
    expect(exitsOf(winback().nodes[4]!)).toEqual([]);
  });

  it("orders steps so each comes after every step leading to it, and finds no order in a loop", () => {
    const order = topologicalOrder(cart())!.map((node) => node.id);
    expect(order[0]).toBe("entry");
    for (const node of cart().nodes)
      for (const next of Object.values(node.exits)) expect(order.indexOf(next)).toBeGreaterThan(order.indexOf(node.id));
    expect(topologicalOrder(patch(cart(), "reminder-email", { exits: { next: "entry" } }))).toBeNull();
  });

  it("inserts a step on an edge and the journey stays publishable", () => {
    const before = welcome();
    const after = insertBetween(before, "welcome-push", "next", wait("pause", 30, "ignored"));
    expect(after.nodes.find((node) => node.id === "pause")?.exits).toEqual({ next: "wait-4h" });
    expect(after.nodes.find((node) => node.id === "welcome-push")?.exits).toEqual({ next: "pause" });
    expect(validateJourney(after)).toEqual([]);
    expect(before).toEqual(welcome());
  });

  it("leaves a new split's other branch for the marketer to connect", () => {
    const arms = [
      { name: "a", percent: 50 },
      { name: "b", percent: 50 },
    ];
    const split: JourneyNode = {
      id: "vip",
      kind: "split",
      split: { type: "random", arms, holdoutPercent: 0 },
      exits: {},
    };
    expect(fields(insertBetween(winback(), "entry", "next", split))).toEqual(["nodes.1.exits.b"]);
    expect(() => insertBetween(winback(), "entry", "yes", { ...split, id: "other" })).toThrow(/no "yes" exit/);
  });

  it("removes a step with one way on by reconnecting the steps before it", () => {
    const after = removeNode(removeNode(welcome(), "wait-1d"), "welcome-push");
    expect(after.nodes.find((node) => node.id === "entry")?.exits).toEqual({ next: "wait-4h" });
    expect(validateJourney(after)).toEqual([]);
  });

  it("removes a split by leaving the exit before it unconnected", () => {
    const after = removeNode(winback(), "offer-test");
    expect(after.nodes[0]!.exits).toEqual({});
    expect(fields(after)).toEqual(["nodes.0.exits.next", "nodes.1", "nodes.2", "nodes.3"]);
  });
});
