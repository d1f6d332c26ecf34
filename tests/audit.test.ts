import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/audit/route";
import { listAudit } from "@/lib/audit/list-audit";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { createWorkspace, request } from "./support/fixtures";

let actors: Record<Role, Actor>;
let workspaceId: string;
beforeAll(async () => {
  ({ actors, workspaceId } = await createWorkspace());
});

describe("audit log", () => {
  it("records actor, action, entity and the values before and after", async () => {
    const row = await db.$transaction((tx) =>
      recordAudit(tx, actors.pm, {
        action: "persona.updated",
        entityType: "persona",
        entityId: "p1",
        before: { name: "Deal hunter" },
        after: { name: "Bargain hunter" },
      }),
    );
    const stored = await db.auditLog.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({
      workspaceId,
      actorId: actors.pm.userId,
      actorEmail: actors.pm.email,
      action: "persona.updated",
      entityType: "persona",
      entityId: "p1",
      before: { name: "Deal hunter" },
      after: { name: "Bargain hunter" },
    });
    const [listed] = (await listAudit(workspaceId, { entityType: "persona", limit: 1 })).rows;
    expect(listed?.entityLabel).toBe("Bargain hunter");
  });

  it("rolls the audit row back with the change it describes", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, actors.admin, {
          action: "segment.created",
          entityType: "segment",
          entityId: "rolled-back",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditLog.count({ where: { entityId: "rolled-back" } })).toBe(0);
  });

  it("filters by entity type, actor and date", async () => {
    await db.$transaction((tx) =>
      recordAudit(tx, actors.marketer, { action: "template.created", entityType: "template", entityId: "t1" }),
    );
    const byType = await listAudit(workspaceId, { entityType: "template", limit: 50 });
    expect(byType.rows.map((r) => r.entityId)).toEqual(["t1"]);
    const byActor = await listAudit(workspaceId, { actorId: actors.pm.userId, limit: 50 });
    expect(byActor.rows.every((r) => r.actorId === actors.pm.userId)).toBe(true);
    const longAgo = await listAudit(workspaceId, { from: "2001-01-01", to: "2001-01-31", limit: 50 });
    expect(longAgo.rows).toEqual([]);
  });

  it("pages newest first with a cursor", async () => {
    const { workspaceId: own, actors: ownActors } = await createWorkspace();
    for (const id of ["a", "b", "c"]) {
      await db.$transaction((tx) =>
        recordAudit(tx, ownActors.admin, { action: "test.done", entityType: "test", entityId: id }),
      );
    }
    const first = await listAudit(own, { limit: 2 });
    expect(first.rows.map((r) => r.entityId)).toEqual(["c", "b"]);
    const second = await listAudit(own, { limit: 2, before: BigInt(first.nextCursor!) });
    expect(second.rows.map((r) => r.entityId)).toEqual(["a"]);
    expect(second.nextCursor).toBeNull();
  });

  it("answers 400 naming the field for a malformed date filter", async () => {
    const response = await audit.GET(await request("/api/audit?from=yesterday", { actor: actors.analyst }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.field).toBe("from");
  });
});
