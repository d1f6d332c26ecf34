import { beforeAll, describe, expect, it } from "vitest";
import * as segmentById from "@/app/api/segments/[segmentId]/route";
import * as preview from "@/app/api/segments/preview/route";
import * as sample from "@/app/api/segments/sample/route";
import * as segments from "@/app/api/segments/route";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { request } from "./support/fixtures";
import { createIngestWorkspace } from "./support/ingest-fixtures";

let actors: Record<Role, Actor>;
let workspaceId: string;
let sequence = 0;
const recent = () => new Date(Date.now() - 60_000).toISOString();
const identify = (userId: string, country: string) =>
  ingestCalls(workspaceId, [
    { type: "identify", userId, traits: { country }, timestamp: recent(), messageId: `cache-seg-${sequence++}` },
  ]);

const inCountry = (value: string) => ({
  root: {
    kind: "group",
    id: "root",
    op: "and",
    children: [{ kind: "trait", id: "c", field: "country", comparison: { type: "string", op: "equals", value } }],
  },
});
// Counts are cached per minute (relative conditions move with the clock): a test that expects its
// second call to hit starts it well inside a minute, or the minute's turn makes a miss by design.
const awayFromMinuteTurn = async () => {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));
};
const countsOf = async (definition: unknown) =>
  (
    await preview.POST(
      await request("/api/segments/preview", { method: "POST", actor: actors.analyst, body: { definition } }),
    )
  ).json();
const sampleOf = async (definition: unknown) =>
  (
    await sample.POST(
      await request("/api/segments/sample", { method: "POST", actor: actors.analyst, body: { definition, limit: 10 } }),
    )
  ).json();

beforeAll(async () => {
  ({ actors, workspaceId } = await createIngestWorkspace());
  await identify("p1", "DE");
  await identify("p2", "DE");
  await identify("p3", "FR");
});

describe("segment builder counts, cached per data version", () => {
  it("answers the same definition on the same data from memory, and counts again once a trait changes", async () => {
    await awayFromMinuteTurn();
    const first = await countsOf(inCountry("DE"));
    expect(first).toMatchObject({ total: 2, cache: { hit: false } });
    const again = await countsOf(inCountry("DE"));
    expect(again).toMatchObject({ total: 2, nodes: first.nodes, cache: { hit: true, version: first.cache.version } });

    await identify("p3", "DE");
    const after = await countsOf(inCountry("DE"));
    expect(after).toMatchObject({ total: 3, cache: { hit: false, refreshing: false } });
    expect(after.cache.version).not.toBe(first.cache.version);

    const people = await sampleOf(inCountry("DE"));
    expect(people.profiles).toHaveLength(3);
    await identify("p4", "DE");
    expect((await sampleOf(inCountry("DE"))).profiles).toHaveLength(4);
  });

  it("counts again when a segment the definition refers to is redefined, though no event arrived", async () => {
    const created = await segments.POST(
      await request("/api/segments", {
        method: "POST",
        actor: actors.marketer,
        body: { name: "French", definition: inCountry("FR") },
      }),
    );
    const { segment } = await created.json();
    await identify("p5", "FR");
    const member = {
      root: {
        kind: "group",
        id: "root",
        op: "and",
        children: [{ kind: "membership", id: "m", segmentId: segment.id }],
      },
    };
    await awayFromMinuteTurn();
    const before = await countsOf(member);
    expect(before.total).toBe(1);
    expect((await countsOf(member)).cache.hit).toBe(true);

    const redefined = await segmentById.PATCH(
      await request(`/api/segments/${segment.id}`, {
        method: "PATCH",
        actor: actors.marketer,
        body: { definition: inCountry("DE") },
      }),
      { params: Promise.resolve({ segmentId: segment.id }) },
    );
    expect(redefined.status).toBe(200);
    const after = await countsOf(member);
    expect(after).toMatchObject({ total: 4, cache: { hit: false } });
  });
});
