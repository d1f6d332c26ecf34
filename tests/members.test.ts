import { beforeAll, describe, expect, it } from "vitest";
import * as memberById from "@/app/api/members/[memberId]/route";
import * as members from "@/app/api/members/route";
import { authenticate } from "@/lib/auth/authenticate";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { joinWithNewAccount } from "@/lib/members/accept-invitation";
import { createWorkspace, request, uniqueEmail } from "./support/fixtures";

let actors: Record<Role, Actor>;
let workspaceId: string;
beforeAll(async () => {
  ({ actors, workspaceId } = await createWorkspace());
});

const patch = async (actor: Actor, memberId: string, body: unknown) =>
  memberById.PATCH(await request(`/api/members/${memberId}`, { method: "PATCH", actor, body }), {
    params: Promise.resolve({ memberId }),
  });

describe("members API", () => {
  it("adds a member as an invitation whose link, shown once, lets them join with their own password", async () => {
    const email = uniqueEmail("added");
    const response = await members.POST(
      await request("/api/members", {
        method: "POST",
        actor: actors.admin,
        body: { email, name: "Added", role: "pm" },
      }),
    );
    expect(response.status).toBe(201);
    const { invitation, invitePath } = await response.json();
    expect(invitation).toMatchObject({ email, role: "pm", name: "Added" });
    const token = invitePath.replace("/invite/", "");
    const joined = await joinWithNewAccount({
      token,
      name: "Added",
      password: "my own password",
      confirmPassword: "my own password",
    });
    expect(joined.email).toBe(email);
    const claims = await authenticate({ email, password: "my own password" }, "127.0.0.1");
    expect(claims.workspaceId).toBe(workspaceId);
    // Only a hash of the link's secret is kept.
    expect(await db.invitation.count({ where: { tokenHash: token } })).toBe(0);
  });

  it("rejects a bad e-mail with a 400 naming the field and writes nothing", async () => {
    const before = await db.auditLog.count({ where: { workspaceId } });
    const response = await members.POST(
      await request("/api/members", {
        method: "POST",
        actor: actors.admin,
        body: { email: "not-an-email", name: "X", role: "pm" },
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "invalid_input", field: "email" });
    expect(await db.auditLog.count({ where: { workspaceId } })).toBe(before);
    expect(await db.user.count({ where: { email: "not-an-email" } })).toBe(0);
    expect(await db.invitation.count({ where: { email: "not-an-email" } })).toBe(0);
  });

  it("rejects an unknown role with a 400 naming the field", async () => {
    const response = await members.POST(
      await request("/api/members", {
        method: "POST",
        actor: actors.admin,
        body: { email: uniqueEmail(), name: "X", role: "owner" },
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.field).toBe("role");
  });

  it("rejects a body that is not JSON with a 400", async () => {
    const response = await members.POST(
      await request("/api/members", { method: "POST", actor: actors.admin, body: "{oops" }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_json");
  });

  it("answers 409 on the e-mail field when the address is already a member here", async () => {
    const response = await members.POST(
      await request("/api/members", {
        method: "POST",
        actor: actors.admin,
        body: { email: actors.pm.email, name: "Dup", role: "pm" },
      }),
    );
    expect(response.status).toBe(409);
    expect((await response.json()).error.field).toBe("email");
  });

  it("changes a role and records before and after in the audit log", async () => {
    expect((await patch(actors.admin, actors.marketer.memberId, { role: "analyst" })).status).toBe(200);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { workspaceId, entityId: actors.marketer.memberId, action: "member.role_changed" },
    });
    expect(entry.before).toMatchObject({ role: "marketer", active: true });
    expect(entry.after).toMatchObject({ role: "analyst", active: true });
    expect(entry.actorId).toBe(actors.admin.userId);
  });

  it("deactivates a member, who can then no longer sign in", async () => {
    const { actors: own } = await createWorkspace();
    expect((await patch(own.admin, own.pm.memberId, { active: false })).status).toBe(200);
    await expect(authenticate({ email: own.pm.email, password: "correct horse battery" }, "127.0.0.2")).rejects.toThrow(
      "Wrong e-mail or password.",
    );
    const entry = await db.auditLog.findFirstOrThrow({
      where: { entityId: own.pm.memberId, action: "member.deactivated" },
    });
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
