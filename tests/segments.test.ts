import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { countAudience, countAudienceTotal } from "@/lib/segments/count-audience";
import { definitionSchema, type SegmentDefinition } from "@/lib/segments/schema";
import { explainProfile } from "@/lib/segments/explain-profile";
import { listAudience } from "@/lib/segments/list-audience";
import { createIngestWorkspace } from "./support/ingest-fixtures";

const now = new Date();
const daysAgo = (d: number, hour = 10) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - d, hour)).toISOString();
let n = 0;
const track = (userId: string, event: string, timestamp: string, properties: Record<string, unknown> = {}) =>
  ({ type: "track", userId, event, properties, timestamp, messageId: `seg-${n++}` }) as const;

// The example: in Germany, added to cart ≥ 2 times in the last 7 days, no purchase in 30.
const example = definitionSchema.parse({
  root: {
    kind: "group",
    id: "root",
    op: "and",
    children: [
      { kind: "trait", id: "germany", field: "country", comparison: { type: "string", op: "equals", value: "DE" } },
      {
        kind: "event",
        id: "carts",
        event: "add_to_cart",
        measure: { type: "count", op: "at_least", count: 2 },
        window: { type: "last", amount: 7, unit: "days" },
      },
      {
        kind: "event",
        id: "no-purchase",
        event: "purchase",
        measure: { type: "not_performed" },
        window: { type: "last", amount: 30, unit: "days" },
      },
    ],
  },
});

let workspaceId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ workspaceId } = await createIngestWorkspace());
  const people = [
    ["anna", "DE", { "a.b": "literal", nested: { b: "deep" } }],
    ["ben", "DE", {}],
    ["cara", "FR", {}],
    ["dan", "DE", { plan: "gold" }],
  ] as const;
  await ingestCalls(
    workspaceId,
    people.map(([userId, country, traits]) => ({
      type: "identify",
      userId,
      traits: { country, ...traits },
      timestamp: daysAgo(40),
      messageId: `seg-${n++}`,
    })),
  );
  await ingestCalls(workspaceId, [
    track("anna", "add_to_cart", daysAgo(1), { category: "shoes" }),
    track("anna", "add_to_cart", daysAgo(3), { category: "bags" }),
    track("ben", "add_to_cart", daysAgo(2)),
    track("ben", "add_to_cart", daysAgo(2, 11)),
    track("ben", "purchase", daysAgo(10), { revenue: 80 }),
    track("cara", "add_to_cart", daysAgo(1)),
    track("cara", "add_to_cart", daysAgo(1, 12)),
    track("cara", "add_to_cart", daysAgo(1, 13)),
    track("dan", "add_to_cart", daysAgo(20)),
    track("dan", "add_to_cart", daysAgo(1)),
    track("dan", "purchase", daysAgo(45), { revenue: 250 }),
  ]);
  for (const p of await db.profile.findMany({ where: { workspaceId }, select: { id: true, externalId: true } }))
    ids[p.externalId!] = p.id;
});

describe("segment audiences", () => {
  it("finds the issue's example audience and counts every node on its own and as a running result", async () => {
    expect(await listAudience(workspaceId, example, { now })).toEqual([ids.anna]);
    const counts = await countAudience(workspaceId, example, { now });
    expect(counts.total).toBe(1);
    expect(counts.nodes).toEqual({
      root: { count: 1, running: null },
      germany: { count: 3, running: 3 },
      carts: { count: 3, running: 2 },
      "no-purchase": { count: 3, running: 1 },
    });
    expect(await countAudienceTotal(workspaceId, example, { now })).toBe(1);
  });

  it("answers the same from raw events when a property filter rules out the daily rollup", async () => {
    const filtered = definitionSchema.parse({
      root: {
        kind: "group",
        id: "root",
        op: "and",
        children: [
          {
            kind: "event",
            id: "carts",
            event: "add_to_cart",
            where: [{ key: "category", comparison: { type: "string", op: "in", values: ["shoes", "bags"] } }],
            measure: { type: "count", op: "at_least", count: 2 },
            window: { type: "last", amount: 7, unit: "days" },
          },
        ],
      },
    });
    expect(await listAudience(workspaceId, filtered, { now })).toEqual([ids.anna]);
    const unfiltered = definitionSchema.parse({
      root: { ...filtered.root, children: [{ ...filtered.root.children[0]!, where: [] }] },
    });
    const raw = definitionSchema.parse({
      root: {
        ...filtered.root,
        children: [
          {
            ...filtered.root.children[0]!,
            where: [{ key: "nothing", comparison: { type: "string", op: "not_exists" } }],
          },
        ],
      },
    });
    expect((await listAudience(workspaceId, raw, { now })).sort()).toEqual(
      (await listAudience(workspaceId, unfiltered, { now })).sort(),
    );
  });

  it("counts at-most conditions, first occurrences and negated groups including people who never did it", async () => {
    const definition = definitionSchema.parse({
      root: {
        kind: "group",
        id: "root",
        op: "or",
        children: [
          {
            kind: "event",
            id: "first-purchase",
            event: "purchase",
            measure: { type: "first" },
            window: { type: "last", amount: 30, unit: "days" },
          },
          {
            kind: "group",
            id: "not-carts",
            op: "and",
            not: true,
            children: [
              {
                kind: "event",
                id: "few",
                event: "add_to_cart",
                measure: { type: "count", op: "at_most", count: 2 },
                window: { type: "ever" },
              },
            ],
          },
        ],
      },
    });
    const counts = await countAudience(workspaceId, definition, { now });
    expect(counts.nodes["first-purchase"]!.count).toBe(1); // ben's first purchase was 10 days ago; dan's 45
    expect(counts.nodes.few!.count).toBe(3); // everyone but cara (3 carts)
    expect(counts.nodes["not-carts"]!.count).toBe(1);
    expect((await listAudience(workspaceId, definition, { now })).sort()).toEqual([ids.ben, ids.cara].sort());
  });

  it("explains a member and a non-member with the value that decided every node", async () => {
    const member = await explainProfile(workspaceId, example, "anna", { now });
    expect(member.matched).toBe(true);
    expect(member.nodes.germany).toEqual({ matched: true, value: "DE" });
    expect(member.nodes.carts).toEqual({ matched: true, value: 2 });
    const outsider = await explainProfile(workspaceId, example, ids.ben!, { now });
    expect(outsider.matched).toBe(false);
    expect(outsider.nodes["no-purchase"]).toEqual({ matched: false, value: 1 });
    await expect(explainProfile(workspaceId, example, "nobody@example.com", { now })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("reads a trait key with a dot literally, never as a path into nested JSON", async () => {
    const byKey = (field: string) =>
      definitionSchema.parse({
        root: {
          kind: "group",
          id: "r",
          op: "and",
          children: [{ kind: "trait", id: "t", field, comparison: { type: "string", op: "exists" } }],
        },
      });
    expect(await listAudience(workspaceId, byKey("traits.a.b"), { now })).toEqual([ids.anna]);
    expect(await listAudience(workspaceId, byKey("traits.nested.b"), { now })).toEqual([]);
    const quoted = definitionSchema.parse({
      root: {
        kind: "group",
        id: "r",
        op: "and",
        children: [
          {
            kind: "trait",
            id: "t",
            field: `traits.x'; DROP TABLE "Profile"; --`,
            comparison: { type: "string", op: "equals", value: `'; DELETE FROM "Event"; --` },
          },
        ],
      },
    });
    expect(await listAudience(workspaceId, quoted, { now })).toEqual([]);
    expect(await db.profile.count({ where: { workspaceId } })).toBe(4);
  });

  it("resolves membership of other segments and rejects a segment that would contain itself", async () => {
    const germans = await db.segment.create({
      data: {
        workspaceId,
        name: "Germans",
        ownerEmail: "t@test",
        definition: {
          version: 1,
          root: example.root.children[0] && { kind: "group", id: "g", op: "and", children: [example.root.children[0]] },
        },
      },
    });
    const inGermans: SegmentDefinition = definitionSchema.parse({
      root: {
        kind: "group",
        id: "r",
        op: "and",
        children: [
          { kind: "membership", id: "m", segmentId: germans.id },
          {
            kind: "trait",
            id: "gold",
            field: "traits.plan",
            comparison: { type: "string", op: "equals", value: "gold" },
          },
        ],
      },
    });
    expect(await listAudience(workspaceId, inGermans, { now })).toEqual([ids.dan]);
    await expect(listAudience(workspaceId, inGermans, { now, selfId: germans.id })).rejects.toMatchObject({
      status: 400,
      code: "segment_cycle",
      field: "definition.root.children.0.segmentId",
    });
    const missing = definitionSchema.parse({
      root: { kind: "group", id: "r", op: "and", children: [{ kind: "membership", id: "m", segmentId: "nope" }] },
    });
    await expect(listAudience(workspaceId, missing, { now })).rejects.toMatchObject({
      status: 400,
      code: "unknown_segment",
    });
  });
});
