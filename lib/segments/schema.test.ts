import { describe, expect, it } from "vitest";
import { definitionSchema } from "./schema";

const withChild = (child: object) =>
  definitionSchema.safeParse({ root: { kind: "group", id: "r", op: "and", children: [child] } });
const pathOf = (result: ReturnType<typeof withChild>) =>
  result.success ? null : result.error.issues[0]!.path.join(".");

describe("segment definition schema", () => {
  it("rejects keys it does not know instead of silently dropping them", () => {
    const result = withChild({ kind: "reachable", id: "x", channel: "email", negate: true });
    expect(result.success).toBe(false);
    expect(result.success ? null : result.error.issues[0]!.code).toBe("unrecognized_keys");
  });

  it("compares a range's ends as instants, not as text", () => {
    const window = (from: string, to: string) =>
      withChild({
        kind: "event",
        id: "e",
        event: "purchase",
        measure: { type: "first" },
        window: { type: "between", from, to },
      });
    expect(window("2026-10-15T21:29:26+05:30", "2026-10-15T15:59:26Z").success).toBe(true); // the same instant
    expect(pathOf(window("2026-10-15T10:00:00-05:00", "2026-10-15T12:00:00Z"))).toBe("root.children.0.window.to");
  });

  it("refuses text with half an emoji, which the database cannot store", () => {
    expect(
      pathOf(
        withChild({
          kind: "trait",
          id: "t",
          field: "city",
          comparison: { type: "string", op: "starts_with", value: "\ud83c" },
        }),
      ),
    ).toBe("root.children.0.comparison.value");
    expect(
      withChild({
        kind: "trait",
        id: "t",
        field: "city",
        comparison: { type: "string", op: "starts_with", value: "\ud83c\udf89" },
      }).success,
    ).toBe(true);
  });

  it("refuses a NUL character and the year 0000, which the database cannot take, naming the field", () => {
    expect(
      pathOf(
        withChild({
          kind: "trait",
          id: "t",
          field: "city",
          comparison: { type: "string", op: "equals", value: "Wien\u0000" },
        }),
      ),
    ).toBe("root.children.0.comparison.value");
    expect(
      pathOf(
        withChild({
          kind: "trait",
          id: "t",
          field: "lastSeenAt",
          comparison: { type: "date", op: "before", value: "0000-06-01T00:00:00Z" },
        }),
      ),
    ).toBe("root.children.0.comparison.value");
    expect(
      withChild({
        kind: "trait",
        id: "t",
        field: "lastSeenAt",
        comparison: { type: "date", op: "before", value: "0001-06-01T00:00:00Z" },
      }).success,
    ).toBe(true);
  });

  it("checks a profile field's type against the comparison and caps nesting", () => {
    expect(
      pathOf(withChild({ kind: "trait", id: "t", field: "ltv", comparison: { type: "string", op: "exists" } })),
    ).toBe("root.children.0.comparison.type");
    let deep: object = { kind: "reachable", id: "leaf", channel: "sms" };
    for (let i = 0; i < 9; i++) deep = { kind: "group", id: `g${i}`, op: "or", children: [deep] };
    expect(withChild(deep).success).toBe(false);
  });
});
