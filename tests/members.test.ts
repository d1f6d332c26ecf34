import { beforeAll, describe, expect, it } from "vitest";
import * as memberById from "@/app/api/members/[memberId]/route";
import * as members from "@/app/api/members/route";
import { authenticate } from "@/lib/auth/authenticate";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { createWorkspace, request, uniqueEmail } from "./support/fixtures";

let actors: Record<Role, Actor>;
let workspaceId: string;
beforeAll(async () => {
  ({ actors, workspaceId } = await createWorkspace());
});

const patch = async (actor: Actor, memberId: string, body: unknown) =>
  memberById.PATCH(await request(`/api/members/${memberId}`, { method: "PATCH", actor, body }), { params: Promise.resolve({ memberId }) });

describe("members API", () => {
  it("adds a member whose one-time password signs in once and must then be changed", async () => {
    const email = uniqueEmail("added");
    const response = await members.POST(await request("/api/members", { method: "POST", actor: actors.admin, body: { email, name: "Added", role: "pm" } }));
    expect(response.status).toBe(201);
    const { oneTimePassword, member } = await response.json();
    expect(member).toMatchObject({ email, role: "pm" });
    const claims = await authenticate({ email, password: oneTimePassword }, "127.0.0.1");
    expect(claims.workspaceId).toBe(workspaceId);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).mustChangePassword).toBe(true);
  });

  it("rejects a bad e-mail with a 400 naming the field and writes nothing", async () => {
    const before = await db.auditLog.count({ where: { workspaceId } });
    const response = await members.POST(await request("/api/members", { method: "POST", actor: actors.admin, body: { email: "not-an-email", name: "X", role: "pm" } }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "invalid_input", field: "email" });
    expect(await db.auditLog.count({ where: { workspaceId } })).toBe(before);
    expect(await db.user.count({ where: { email: "not-an-email" } })).toBe(0);
  });

  it("rejects an unknown role with a 400 naming the field", async () => {
    const response = await members.POST(await request("/api/members", { method: "POST", actor: actors.admin, body: { email: uniqueEmail(), name: "X", role: "owner" } }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.field).toBe("role");
  });

  it("rejects a body that is not JSON with a 400", async () => {
    const response = await members.POST(await request("/api/members", { method: "POST", actor: actors.admin, body: "{oops" }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_json");
  });

  it("answers 409 on the e-mail field when the address already has an account", async () => {
    const response = await members.POST(await request("/api/members", { method: "POST", actor: actors.admin, body: { email: actors.pm.email, name: "Dup", role: "pm" } }));
    expect(response.status).toBe(409);
    expect((await response.json()).error.field).toBe("email");
  });

  it("changes a role and records before and after in the audit log", async () => {
    expect((await patch(actors.admin, actors.marketer.memberId, { role: "analyst" })).status).toBe(200);
    const entry = await db.auditLog.findFirstOrThrow({ where: { workspaceId, entityId: actors.marketer.memberId, action: "member.role_changed" } });
    expect(entry.before).toMatchObject({ role: "marketer", active: true });
    expect(entry.after).toMatchObject({ role: "analyst", active: true });
    expect(entry.actorId).toBe(actors.admin.userId);
  });

  it("deactivates a member, who can then no longer sign in", async () => {
    const { actors: own } = await createWorkspace();
    expect((await patch(own.admin, own.pm.memberId, { active: false })).status).toBe(200);
    await expect(authenticate({ email: own.pm.email, password: "correct horse battery" }, "127.0.0.2")).rejects.toThrow("Wrong e-mail or password.");
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId: own.pm.memberId, action: "member.deactivated" } });
    expect(entry.after).toMatchObject({ active: false });
  });

  it("refuses to leave the workspace without an active admin", async () => {
    const { actors: own } = await createWorkspace();
    const response = await patch(own.admin, own.admin.memberId, { role: "analyst" });
    expect(response.status).toBe(409);
    expect((await db.member.findUniqueOrThrow({ where: { id: own.admin.memberId } })).role).toBe("admin");
    expect(await db.auditLog.count({ where: { entityId: own.admin.memberId } })).toBe(0);
  });

  it("does not let an admin touch a member of another workspace", async () => {
    const { actors: other } = await createWorkspace();
    expect((await patch(actors.admin, other.pm.memberId, { role: "analyst" })).status).toBe(404);
  });
});
