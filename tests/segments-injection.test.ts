import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { rebuildRollupsSql } from "@/lib/profiles/ingest/sql";
import { definitionSchema, type SegmentDefinition } from "@/lib/segments/schema";
import { listAudience } from "@/lib/segments/list-audience";
import { createWorkspace } from "./support/fixtures";
import { evaluate, type JsonObject, type OracleEvent, type OracleProfile } from "./support/segment-oracle";

/*
 * Names and values in a definition are data: trait keys, property keys, event names and compared
 * values containing SQL, LIKE, JSON-path or non-ASCII characters must select exactly the profiles
 * that literally hold them. Each case is checked against the oracle too, so the two agree on the
 * expected answer rather than the test hard-coding one side.
 */

const now = new Date("2026-11-20T12:00:00Z");
const yesterday = new Date("2026-11-19T12:00:00Z");
const HOSTILE = `O'Brien"; DROP TABLE "Profile"; -- \\ '' $$ $tag$`;
const HOSTILE_EVENT = `it's "quoted"; DELETE FROM "Event"; --`;

const blank = (id: string, traits: JsonObject, extra: Partial<OracleProfile> = {}): OracleProfile => ({
  id,
  externalId: null,
  email: null,
  phone: null,
  locale: null,
  timezone: null,
  country: null,
  city: null,
  platform: null,
  traits,
  consent: {},
  ordersCount: 0,
  ltv: 0,
  aov: null,
  lastPurchaseAt: null,
  firstSeenAt: null,
  lastSeenAt: null,
  favouriteCategory: null,
  activeHour: null,
  ...extra,
});

const profiles: OracleProfile[] = [
  // Keys that look like paths, quotes and operators, held literally at the top level.
  blank(
    "literal",
    {
      "a.b": "dotted",
      "$.a.b": "dollar",
      "{a,b}": "braces",
      "a,b": "comma",
      "it's": "quote",
      "x;--": "semi",
      "back\\slash": "bs",
      "🎉": "emoji",
      nickname: HOSTILE,
    },
    { city: "Zürich" },
  ),
  // The same names only as nested objects: what a path interpretation would wrongly read.
  blank(
    "nested",
    { a: { b: "dotted" }, $: { a: { b: "dollar" } }, "{a": "x", nickname: "O'Brien" },
    { city: "Zurich" },
  ),
  blank("wildcards", { nickname: "50%_off", code: "a\\b" }, { city: "zürich" }),
  blank(
    "plain",
    { nickname: "5000 off", code: "ab" },
    { city: "Zu\u0308rich" /* the decomposed spelling: different code points */ },
  ),
];

const events: OracleEvent[] = [
  {
    profileId: "literal",
    name: HOSTILE_EVENT,
    occurredAt: yesterday,
    properties: { "a.b": "x", "key'quote": "v'1", "🎉": "yes", note: HOSTILE },
  },
  { profileId: "nested", name: HOSTILE_EVENT, occurredAt: yesterday, properties: { a: { b: "x" }, "key'quote": "v1" } },
  { profileId: "wildcards", name: "Zürich 🎉 view", occurredAt: yesterday, properties: { tag: "100%" } },
  { profileId: "plain", name: "Zurich view", occurredAt: yesterday, properties: { tag: "1000" } },
];

let workspaceId: string;

beforeAll(async () => {
  ({ workspaceId } = await createWorkspace());
  await db.profile.createMany({
    data: profiles.map(({ traits, consent, ...p }) => ({ ...p, workspaceId, traits: traits, consent: consent })),
  });
  await db.event.createMany({
    data: events.map((e, i) => ({
      workspaceId,
      profileId: e.profileId,
      name: e.name,
      occurredAt: e.occurredAt,
      messageId: `inj-${i}`,
      properties: e.properties,
    })),
  });
  // Counts without property filters read the daily rollups, as after ingestion.
  for (const statement of rebuildRollupsSql(workspaceId, null)) await db.$executeRaw(statement);
});

afterAll(async () => {
  if (workspaceId) await db.workspace.delete({ where: { id: workspaceId } });
});

const one = (condition: Record<string, unknown>): SegmentDefinition =>
  definitionSchema.parse({ root: { kind: "group", id: "root", op: "and", children: [{ id: "c", ...condition }] } });
const trait = (field: string, comparison: Record<string, unknown>) => one({ kind: "trait", field, comparison });
const did = (event: string, where: { key: string; comparison: Record<string, unknown> }[] = []) =>
  one({ kind: "event", event, where, measure: { type: "count", op: "at_least", count: 1 }, window: { type: "ever" } });

/** The SQL audience and the oracle's, both sorted, for one definition. */
async function audiences(definition: SegmentDefinition) {
  const sql = (await listAudience(workspaceId, definition, { now })).sort();
  const oracle = evaluate({ profiles, events }, definition, now).audience;
  return { sql, oracle };
}

async function expectAudience(definition: SegmentDefinition, ids: string[]) {
  expect(await audiences(definition)).toEqual({ sql: [...ids].sort(), oracle: [...ids].sort() });
}

describe("segment definitions treat names and values as data", () => {
  it("reads a trait key with dots, dollars, braces or commas as that literal top-level key, never as a path", async () => {
    for (const [key, value] of [
      ["a.b", "dotted"],
      ["$.a.b", "dollar"],
      ["{a,b}", "braces"],
      ["a,b", "comma"],
    ] as const) {
      await expectAudience(trait(`traits.${key}`, { type: "string", op: "equals", value }), ["literal"]);
      await expectAudience(trait(`traits.${key}`, { type: "string", op: "exists" }), ["literal"]);
      await expectAudience(trait(`traits.${key}`, { type: "string", op: "not_exists" }), [
        "nested",
        "plain",
        "wildcards",
      ]);
    }
    // "{a" is a key of its own, not the start of a path array.
    await expectAudience(trait("traits.{a", { type: "string", op: "equals", value: "x" }), ["nested"]);
  });

  it("compares trait keys and values containing quotes, semicolons, comment markers and backslashes as plain text", async () => {
    await expectAudience(trait("traits.it's", { type: "string", op: "equals", value: "quote" }), ["literal"]);
    await expectAudience(trait("traits.x;--", { type: "string", op: "exists" }), ["literal"]);
    await expectAudience(trait("traits.back\\slash", { type: "string", op: "equals", value: "bs" }), ["literal"]);
    await expectAudience(trait("traits.nickname", { type: "string", op: "equals", value: HOSTILE }), ["literal"]);
    await expectAudience(trait("traits.nickname", { type: "string", op: "in", values: [HOSTILE, "O'Brien"] }), [
      "literal",
      "nested",
    ]);
    await expectAudience(trait("traits.nickname", { type: "string", op: "starts_with", value: `O'Brien"` }), [
      "literal",
    ]);
    await expectAudience(trait("traits.code", { type: "string", op: "contains", value: "\\" }), ["wildcards"]);
    // Nothing was executed: every profile and event is still there.
    expect(await db.profile.count({ where: { workspaceId } })).toBe(profiles.length);
    expect(await db.event.count({ where: { workspaceId } })).toBe(events.length);
  });

  it("matches LIKE wildcards in contains, starts_with and ends_with only as themselves", async () => {
    await expectAudience(trait("traits.nickname", { type: "string", op: "contains", value: "%_" }), ["wildcards"]);
    await expectAudience(trait("traits.nickname", { type: "string", op: "contains", value: "_" }), ["wildcards"]);
    await expectAudience(trait("traits.nickname", { type: "string", op: "starts_with", value: "50%" }), ["wildcards"]);
    await expectAudience(trait("traits.nickname", { type: "string", op: "ends_with", value: "%_off" }), ["wildcards"]);
    await expectAudience(trait("traits.nickname", { type: "string", op: "contains", value: "%" }), ["wildcards"]);
    await expectAudience(
      did("Zürich 🎉 view", [{ key: "tag", comparison: { type: "string", op: "ends_with", value: "0%" } }]),
      ["wildcards"],
    );
  });

  it("compares unicode keys, values and event names exactly, code point for code point and case-sensitively", async () => {
    await expectAudience(trait("city", { type: "string", op: "equals", value: "Zürich" }), ["literal"]);
    await expectAudience(trait("city", { type: "string", op: "starts_with", value: "Zü" }), ["literal"]);
    await expectAudience(trait("city", { type: "string", op: "not_equals", value: "Zürich" }), [
      "nested",
      "plain",
      "wildcards",
    ]);
    await expectAudience(trait("traits.🎉", { type: "string", op: "equals", value: "emoji" }), ["literal"]);
    await expectAudience(did("Zürich 🎉 view"), ["wildcards"]);
    await expectAudience(did("Zurich view"), ["plain"]);
  });

  it("reads event names and property keys with quotes, dots and emoji as data", async () => {
    await expectAudience(did(HOSTILE_EVENT), ["literal", "nested"]);
    await expectAudience(
      did(HOSTILE_EVENT, [{ key: "a.b", comparison: { type: "string", op: "equals", value: "x" } }]),
      ["literal"],
    );
    await expectAudience(did(HOSTILE_EVENT, [{ key: "a.b", comparison: { type: "string", op: "not_exists" } }]), [
      "nested",
    ]);
    await expectAudience(
      did(HOSTILE_EVENT, [{ key: "key'quote", comparison: { type: "string", op: "equals", value: "v'1" } }]),
      ["literal"],
    );
    await expectAudience(did(HOSTILE_EVENT, [{ key: "🎉", comparison: { type: "string", op: "exists" } }]), [
      "literal",
    ]);
    await expectAudience(
      did(HOSTILE_EVENT, [{ key: "note", comparison: { type: "string", op: "equals", value: HOSTILE } }]),
      ["literal"],
    );
    expect(await db.event.count({ where: { workspaceId } })).toBe(events.length);
  });
});

describe("the definition schema", () => {
  const wrap = (node: Record<string, unknown>) => ({
    root: { kind: "group", id: "root", op: "and", children: [{ id: "c", ...node }] },
  });
  const paths = (input: unknown) => {
    const result = definitionSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
  };
  const string = { type: "string", op: "equals", value: "x" };

  it("rejects unknown fields, operators, kinds, measures, windows and channels with an error at the offending key", () => {
    expect(paths(wrap({ kind: "trait", field: "nope", comparison: string }))).toEqual(["root.children.0.field"]);
    expect(paths(wrap({ kind: "trait", field: "traits.", comparison: string }))).toEqual(["root.children.0.field"]);
    expect(paths(wrap({ kind: "trait", field: `traits.${"k".repeat(200)}`, comparison: string }))).toEqual([
      "root.children.0.field",
    ]);
    expect(
      paths(wrap({ kind: "trait", field: "country", comparison: { type: "string", op: "matches", value: ".*" } })),
    ).toEqual(["root.children.0.comparison.op"]);
    expect(
      paths(wrap({ kind: "trait", field: "country", comparison: { type: "regex", op: "equals", value: "x" } })),
    ).toEqual(["root.children.0.comparison.type"]);
    expect(paths(wrap({ kind: "trait", field: "ltv", comparison: string }))).toEqual([
      "root.children.0.comparison.type",
    ]);
    expect(paths(wrap({ kind: "sql", query: "SELECT 1" }))).toEqual(["root.children.0.kind"]);
    expect(paths(wrap({ kind: "event", event: "x", measure: { type: "sum" }, window: { type: "ever" } }))).toEqual([
      "root.children.0.measure.type",
    ]);
    expect(paths(wrap({ kind: "event", event: "x", measure: { type: "first" }, window: { type: "since" } }))).toEqual([
      "root.children.0.window.type",
    ]);
    expect(
      paths(
        wrap({
          kind: "event",
          event: "x",
          where: [{ key: "k", comparison: { type: "string", op: "like", value: "%" } }],
          measure: { type: "first" },
          window: { type: "ever" },
        }),
      ),
    ).toEqual(["root.children.0.where.0.comparison.op"]);
    expect(paths(wrap({ kind: "reachable", channel: "fax" }))).toEqual(["root.children.0.channel"]);
    expect(paths({ root: { kind: "group", id: "root", op: "xor", children: [] } })).toEqual(["root.op"]);
  });

  it("rejects node ids that are not plain identifiers, so no id reaches SQL as anything but a label", () => {
    expect(paths(wrap({ id: `c"; --`, kind: "reachable", channel: "email" }))).toEqual(["root.children.0.id"]);
  });
});
