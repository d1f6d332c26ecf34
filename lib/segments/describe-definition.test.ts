import { describe, expect, it } from "vitest";
import { describeDefinition } from "./describe-definition";
import { definitionSchema } from "./schema";

const tree = (op: "and" | "or", children: unknown[]) =>
  definitionSchema.parse({ root: { kind: "group", id: "root", op, children } });
const germany = {
  kind: "trait",
  id: "de",
  field: "country",
  comparison: { type: "string", op: "equals", value: "DE" },
};
const carts = {
  kind: "event",
  id: "c",
  event: "add_to_cart",
  measure: { type: "count", op: "at_least", count: 2 },
  window: { type: "last", amount: 7, unit: "days" },
};
const noPurchase = {
  kind: "event",
  id: "p",
  event: "purchase",
  measure: { type: "not_performed" },
  window: { type: "last", amount: 30, unit: "days" },
};

describe("plain-language summary", () => {
  it("reads the issue's example as a sentence", () => {
    expect(describeDefinition(tree("and", [germany, carts, noPurchase]))).toBe(
      "Profiles in Germany who added to cart at least twice in the last 7 days and have not purchased in the last 30 days",
    );
  });

  it("brackets nested groups and says or", () => {
    const ltv = { kind: "trait", id: "l", field: "ltv", comparison: { type: "number", op: "gt", value: 200 } };
    const reachable = { kind: "reachable", id: "r", channel: "email" };
    expect(
      describeDefinition(tree("and", [reachable, { kind: "group", id: "g", op: "or", children: [germany, ltv] }])),
    ).toBe("Profiles reachable by e-mail and (in Germany or whose lifetime value is over 200)");
  });

  it("names other segments, negations, custom events and an empty tree", () => {
    expect(describeDefinition(tree("and", []))).toBe("All profiles");
    const member = { kind: "membership", id: "m", segmentId: "s1", not: true };
    const custom = {
      kind: "event",
      id: "e",
      event: "wishlist_add",
      where: [{ key: "price", comparison: { type: "number", op: "gte", value: 50 } }],
      measure: { type: "count", op: "at_least", count: 1 },
      window: { type: "ever" },
    };
    expect(describeDefinition(tree("or", [member, custom]), { s1: "VIPs" })).toBe(
      "Profiles not (in “VIPs”) or who did “wishlist_add” where price is at least 50",
    );
  });
});
