import { beforeAll, describe, expect, it } from "vitest";
import * as policyRoute from "@/app/api/delivery/policy/route";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { DEFAULT_POLICY, type WorkspacePolicy } from "@/lib/delivery/policy/schema";
import { loadPolicy } from "@/lib/delivery/policy/load-policy";
import { recentSendsFor } from "@/lib/delivery/policy/recent-sends";
import { createCampaign, createMessage, createProfile } from "./support/tracking-fixtures";
import { createWorkspace, request } from "./support/fixtures";

let workspaceId: string;
let actors: Record<Role, Actor>;

beforeAll(async () => {
  ({ workspaceId, actors } = await createWorkspace());
});

const valid: WorkspacePolicy = {
  caps: [
    { channel: "push", max: 2, days: 7 },
    { channel: "all", max: 3, days: 1 },
  ],
  quietHours: { enabled: true, start: "22:00", end: "07:30", action: "skip" },
  defaultTimezone: "Europe/Berlin",
  topics: [{ key: "weekly-deals", label: "Weekly deals" }],
};

const put = async (role: Role, body: unknown) =>
  policyRoute.PUT(await request("/api/delivery/policy", { method: "PUT", actor: actors[role], body }));
const get = async (role: Role) => policyRoute.GET(await request("/api/delivery/policy", { actor: actors[role] }));

describe("the policy API", () => {
  it("answers the defaults for a workspace that never saved a policy", async () => {
    const response = await get("marketer");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ policy: DEFAULT_POLICY, saved: false, updatedAt: null });
  });

  for (const role of ["marketer", "pm", "analyst"] as const) {
    it(`lets a ${role} read the policy but not change it (403, nothing written)`, async () => {
      expect((await get(role)).status).toBe(200);
      expect((await put(role, valid)).status).toBe(403);
      expect(await db.policy.count({ where: { workspaceId } })).toBe(0);
    });
  }

  it("refuses bad input with a 400 naming the field, and writes nothing", async () => {
    const cases: [unknown, string][] = [
      [{ ...valid, caps: [{ channel: "fax", max: 1, days: 1 }] }, "caps.0.channel"],
      [{ ...valid, quietHours: { ...valid.quietHours, end: "25:00" } }, "quietHours.end"],
      [{ ...valid, defaultTimezone: "Nowhere/City" }, "defaultTimezone"],
      [{ ...valid, topics: [{ key: "Bad Key", label: "x" }] }, "topics.0.key"],
      [{ caps: [] }, "quietHours"],
    ];
    for (const [body, field] of cases) {
      const response = await put("admin", body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.field).toBe(field);
    }
    expect((await put("admin", "not json")).status).toBe(400);
    expect(await db.policy.count({ where: { workspaceId } })).toBe(0);
    expect(await db.auditLog.count({ where: { workspaceId, entityType: "policy" } })).toBe(0);
  });

  it("saves an admin's policy, audits it, and every reader then gets it", async () => {
    const response = await put("admin", valid);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ policy: valid, saved: true });
    expect(await loadPolicy(workspaceId)).toEqual(valid);
    expect(await (await get("analyst")).json()).toMatchObject({ policy: valid, saved: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { workspaceId, action: "policy.updated" } });
    expect(audit).toMatchObject({
      actorId: actors.admin.userId,
      entityType: "policy",
      entityId: workspaceId,
      before: null,
      after: valid,
    });

    const next = { ...valid, caps: [] };
    await put("admin", next);
    const second = await db.auditLog.findFirstOrThrow({
      where: { workspaceId, action: "policy.updated" },
      orderBy: { id: "desc" },
    });
    expect(second.before).toEqual(valid);
    expect(second.after).toEqual(next);
  });
});

describe("recentSendsFor", () => {
  it("reads each profile's sent and delivered messages since a time, in one batch, other workspaces and statuses left out", async () => {
    const campaign = await createCampaign(workspaceId, { channel: "push" });
    const [a, b, c] = [
      await createProfile(workspaceId),
      await createProfile(workspaceId),
      await createProfile(workspaceId),
    ];
    const now = new Date("2026-06-15T12:00:00Z");
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    await createMessage(workspaceId, campaign, a.id, { status: "delivered", sentAt: hoursAgo(2) });
    await createMessage(workspaceId, campaign, a.id, { status: "sent", sentAt: hoursAgo(30), channel: "email" });
    await createMessage(workspaceId, campaign, a.id, { status: "delivered", sentAt: hoursAgo(24 * 8) }); // before `since`
    await createMessage(workspaceId, campaign, a.id, { status: "failed", sentAt: hoursAgo(1) });
    await createMessage(workspaceId, campaign, a.id, { status: "queued", sentAt: null });
    await createMessage(workspaceId, campaign, b.id, { status: "delivered", sentAt: hoursAgo(5) });
    const other = await createWorkspace();
    const otherCampaign = await createCampaign(other.workspaceId);
    await createMessage(other.workspaceId, otherCampaign, c.id, { status: "delivered", sentAt: hoursAgo(1) });

    const recent = await recentSendsFor(db, workspaceId, [a.id, b.id, c.id], hoursAgo(24 * 7));
    const sorted = (id: string) => [...recent.get(id)!].sort((x, y) => y.sentAt.getTime() - x.sentAt.getTime());
    expect(sorted(a.id)).toEqual([
      { channel: "push", sentAt: hoursAgo(2) },
      { channel: "email", sentAt: hoursAgo(30) },
    ]);
    expect(sorted(b.id)).toEqual([{ channel: "push", sentAt: hoursAgo(5) }]);
    expect(recent.get(c.id)).toEqual([]);
  });

  it("answers an empty map for no profiles", async () => {
    expect((await recentSendsFor(db, workspaceId, [], new Date())).size).toBe(0);
  });
});
