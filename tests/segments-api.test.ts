import { beforeAll, describe, expect, it } from "vitest";
import * as eventProperties from "@/app/api/events/properties/route";
import * as events from "@/app/api/events/route";
import * as segmentById from "@/app/api/segments/[segmentId]/route";
import * as explain from "@/app/api/segments/explain/route";
import * as preview from "@/app/api/segments/preview/route";
import * as segments from "@/app/api/segments/route";
import * as staticSegments from "@/app/api/segments/static/route";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { snapshotDueSegments } from "@/lib/segments/snapshot-due-segments";
import { request } from "./support/fixtures";
import { createIngestWorkspace } from "./support/ingest-fixtures";

let actors: Record<Role, Actor>;
let workspaceId: string;
const recent = new Date(Date.now() - 3_600_000).toISOString();

const germans = {
  root: {
    kind: "group",
    id: "root",
    op: "and",
    children: [
      { kind: "trait", id: "de", field: "country", comparison: { type: "string", op: "equals", value: "DE" } },
    ],
  },
};
const params = (segmentId: string) => ({ params: Promise.resolve({ segmentId }) });
const writes = async () => ({
  segments: await db.segment.count({ where: { workspaceId } }),
  audit: await db.auditLog.count({ where: { workspaceId } }),
});

beforeAll(async () => {
  ({ actors, workspaceId } = await createIngestWorkspace());
  await ingestCalls(workspaceId, [
    {
      type: "identify",
      userId: "u1",
      traits: { email: "one@example.com", country: "DE" },
      timestamp: recent,
      messageId: "api-1",
    },
    {
      type: "identify",
      userId: "u2",
      traits: { email: "two@example.com", country: "FR" },
      timestamp: recent,
      messageId: "api-2",
    },
    {
      type: "identify",
      userId: "u3",
      traits: { email: "three@example.com", country: "DE" },
      timestamp: recent,
      messageId: "api-3",
    },
    {
      type: "track",
      userId: "u1",
      event: "purchase",
      properties: { revenue: 42.5, category: "shoes" },
      timestamp: recent,
      messageId: "api-4",
    },
  ]);
});

describe("segments API", () => {
  it("saves a segment with its size, snapshot and audit entry, then renames and redefines it", async () => {
    const created = await segments.POST(
      await request("/api/segments", {
        method: "POST",
        actor: actors.marketer,
        body: { name: "Germans", definition: germans },
      }),
    );
    expect(created.status).toBe(201);
    const { segment } = await created.json();
    expect(segment.size).toBe(2);
    expect(await db.segmentSnapshot.count({ where: { segmentId: segment.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: segment.id, action: "segment.created" } })).toBe(1);

    const renamed = await segmentById.PATCH(
      await request(`/api/segments/${segment.id}`, {
        method: "PATCH",
        actor: actors.marketer,
        body: { name: "Germany" },
      }),
      params(segment.id),
    );
    expect(renamed.status).toBe(200);
    const renameEntry = await db.auditLog.findFirstOrThrow({
      where: { entityId: segment.id, action: "segment.renamed" },
    });
    expect([renameEntry.before, renameEntry.after]).toMatchObject([{ name: "Germans" }, { name: "Germany" }]);

    const french = {
      root: {
        ...germans.root,
        children: [{ ...germans.root.children[0], comparison: { type: "string", op: "equals", value: "FR" } }],
      },
    };
    const redefined = await segmentById.PATCH(
      await request(`/api/segments/${segment.id}`, {
        method: "PATCH",
        actor: actors.admin,
        body: { definition: french },
      }),
      params(segment.id),
    );
    expect((await redefined.json()).segment.size).toBe(1);
    const detail = await (
      await segmentById.GET(await request(`/api/segments/${segment.id}`, { actor: actors.pm }), params(segment.id))
    ).json();
    expect(detail.segment).toMatchObject({ name: "Germany", size: 1, kind: "dynamic" });
    expect(detail.segment.definition.root.children[0].comparison.value).toBe("FR");
  });

  it("lets every role read and preview but only marketers and admins save", async () => {
    for (const role of ["pm", "analyst"] as const) {
      const before = await writes();
      const response = await segments.POST(
        await request("/api/segments", {
          method: "POST",
          actor: actors[role],
          body: { name: "Nope", definition: germans },
        }),
      );
      expect(response.status).toBe(403);
      expect(await writes()).toEqual(before);
      const counts = await preview.POST(
        await request("/api/segments/preview", { method: "POST", actor: actors[role], body: { definition: germans } }),
      );
      const { cache, ...body } = await counts.json();
      expect(body).toEqual({ total: 2, nodes: { root: { count: 2, running: null }, de: { count: 2, running: 2 } } });
      expect(cache).toMatchObject({ refreshing: false });
    }
    expect((await segments.GET(await request("/api/segments"))).status).toBe(401);
  });

  it("rejects a bad definition with a 400 naming the field and writes nothing", async () => {
    const before = await writes();
    const bad = {
      root: {
        ...germans.root,
        children: [{ kind: "trait", id: "x", field: "shoe_size", comparison: { type: "number", op: "gt", value: 3 } }],
      },
    };
    const response = await segments.POST(
      await request("/api/segments", {
        method: "POST",
        actor: actors.marketer,
        body: { name: "Bad", definition: bad },
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({
      code: "invalid_input",
      field: "definition.root.children.0.field",
    });
    const unknownOp = {
      root: {
        ...germans.root,
        children: [{ ...germans.root.children[0], comparison: { type: "string", op: "sounds_like", value: "DE" } }],
      },
    };
    const second = await segments.POST(
      await request("/api/segments", {
        method: "POST",
        actor: actors.marketer,
        body: { name: "Bad", definition: unknownOp },
      }),
    );
    expect((await second.json()).error.field).toBe("definition.root.children.0.comparison.op");
    const noName = await segments.POST(
      await request("/api/segments", {
        method: "POST",
        actor: actors.marketer,
        body: { name: " ", definition: germans },
      }),
    );
    expect((await noName.json()).error.field).toBe("name");
    expect(await writes()).toEqual(before);
  });

  it("refuses to delete a segment another one uses, then deletes it once it is free", async () => {
    const base = await (
      await segments.POST(
        await request("/api/segments", {
          method: "POST",
          actor: actors.marketer,
          body: { name: "Base", definition: germans },
        }),
      )
    ).json();
    const user = {
      root: {
        kind: "group",
        id: "root",
        op: "and",
        children: [{ kind: "membership", id: "m", segmentId: base.segment.id }],
      },
    };
    const wrapper = await (
      await segments.POST(
        await request("/api/segments", {
          method: "POST",
          actor: actors.marketer,
          body: { name: "Wrapper", definition: user },
        }),
      )
    ).json();
    expect(wrapper.segment.size).toBe(2);

    const cycle = {
      root: {
        kind: "group",
        id: "root",
        op: "and",
        children: [{ kind: "membership", id: "m", segmentId: wrapper.segment.id }],
      },
    };
    const cyclic = await segmentById.PATCH(
      await request("/", { method: "PATCH", actor: actors.marketer, body: { definition: cycle } }),
      params(base.segment.id),
    );
    expect(cyclic.status).toBe(400);
    expect((await cyclic.json()).error).toMatchObject({
      code: "segment_cycle",
      field: "definition.root.children.0.segmentId",
    });

    const refused = await segmentById.DELETE(
      await request("/", { method: "DELETE", actor: actors.marketer }),
      params(base.segment.id),
    );
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toContain("Wrapper");
    expect(
      (
        await segmentById.DELETE(
          await request("/", { method: "DELETE", actor: actors.marketer }),
          params(wrapper.segment.id),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await segmentById.DELETE(
          await request("/", { method: "DELETE", actor: actors.marketer }),
          params(base.segment.id),
        )
      ).status,
    ).toBe(200);
    expect(await db.auditLog.count({ where: { entityId: base.segment.id, action: "segment.deleted" } })).toBe(1);
  });

  it("builds a static segment from a CSV and reports the rows that matched no one", async () => {
    const csv = "email,note\nONE@example.com,a\nnobody@example.com,b\n,c\ntwo@example.com,d\none@example.com,dup\n";
    const response = await staticSegments.POST(
      await request("/api/segments/static", { method: "POST", actor: actors.marketer, body: { name: "VIPs", csv } }),
    );
    expect(response.status).toBe(201);
    const { report } = await response.json();
    expect(report).toMatchObject({ column: "email", rows: 5, matched: 2, duplicates: 1 });
    expect(report.unmatched).toEqual([
      { row: 3, value: "nobody@example.com", reason: "no profile has this e-mail" },
      { row: 4, value: "", reason: "empty" },
    ]);
    const inVips = {
      root: { kind: "group", id: "root", op: "and", children: [{ kind: "membership", id: "m", segmentId: report.id }] },
    };
    const counts = await (
      await preview.POST(await request("/", { method: "POST", actor: actors.analyst, body: { definition: inVips } }))
    ).json();
    expect(counts.total).toBe(2);
    const ids = await staticSegments.POST(
      await request("/", { method: "POST", actor: actors.marketer, body: { name: "By id", csv: "u3\nu9\n" } }),
    );
    expect((await ids.json()).report).toMatchObject({ column: "u3", matched: 0 });
  });

  it("explains why a profile found by e-mail is in, and 404s for an unknown one", async () => {
    const response = await explain.POST(
      await request("/", {
        method: "POST",
        actor: actors.pm,
        body: { definition: germans, profile: "three@example.com" },
      }),
    );
    const explanation = await response.json();
    expect(explanation).toMatchObject({ matched: true, nodes: { de: { matched: true, value: "DE" } } });
    const missing = await explain.POST(
      await request("/", { method: "POST", actor: actors.pm, body: { definition: germans, profile: "ghost" } }),
    );
    expect(missing.status).toBe(404);
  });

  it("lists event names and an event's property keys with types and examples", async () => {
    const names = await (await events.GET(await request("/api/events", { actor: actors.analyst }))).json();
    expect(names.events).toEqual(["purchase"]); // identify calls are not behaviour: no rollup, no catalog entry
    const props = await (
      await eventProperties.GET(await request("/api/events/properties?name=purchase", { actor: actors.analyst }))
    ).json();
    expect(props.properties).toEqual([
      { key: "category", type: "string", examples: ["shoes"] },
      { key: "revenue", type: "number", examples: [42.5] },
    ]);
    const noName = await eventProperties.GET(await request("/api/events/properties", { actor: actors.analyst }));
    expect(noName.status).toBe(400);
  });

  it("takes the daily snapshot once per day for dynamic segments", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await snapshotDueSegments(tomorrow)).toBeGreaterThan(0);
    expect(await snapshotDueSegments(tomorrow)).toBe(0);
  });
});
