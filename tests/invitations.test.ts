import { decode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import * as acceptRoute from "@/app/api/account/invitations/[invitationId]/accept/route";
import * as workspacesRoute from "@/app/api/account/workspaces/route";
import * as invitationById from "@/app/api/invitations/[invitationId]/route";
import * as joinRoute from "@/app/api/invitations/join/route";
import * as members from "@/app/api/members/route";
import type { Actor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/authenticate";
import type { Role } from "@/lib/auth/roles";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db/client";
import { invitationForToken } from "@/lib/members/accept-invitation";
import { createWorkspace, request, TEST_PASSWORD, uniqueEmail } from "./support/fixtures";

let here: Record<Role, Actor>;
let elsewhere: Record<Role, Actor>;
let workspaceId: string;
beforeAll(async () => {
  ({ actors: here, workspaceId } = await createWorkspace());
  ({ actors: elsewhere } = await createWorkspace());
});

const invite = async (email: string, role: Role = "analyst") =>
  members.POST(
    await request("/api/members", { method: "POST", actor: here.admin, body: { email, name: "Invitee", role } }),
  );
const tokenOf = (invitePath: string) => invitePath.replace("/invite/", "");
const join = async (body: unknown) => joinRoute.POST(await request("/api/invitations/join", { method: "POST", body }));
const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

/** The shape of a JSON value: keys and value types, never the values themselves. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, shape(v)])
        .sort(),
    );
  return typeof value;
}

async function sessionClaims(response: Response) {
  const cookie = response.headers.get("set-cookie") ?? "";
  const token = cookie.match(new RegExp(`${SESSION_COOKIE}=([^;]+)`))?.[1];
  expect(token, "the answer moves the session").toBeTruthy();
  return {
    cookie: `${SESSION_COOKIE}=${token}`,
    claims: await decode({ token: token!, secret: process.env.NEXTAUTH_SECRET! }),
  };
}

describe("inviting members", () => {
  it("answers an e-mail that has an account in another workspace exactly as a new e-mail, and touches neither account", async () => {
    const existing = elsewhere.pm;
    const before = await db.user.findUniqueOrThrow({ where: { id: existing.userId } });
    const fresh = uniqueEmail("fresh");
    const [forNew, forExisting] = [await invite(fresh), await invite(existing.email)];
    expect(forExisting.status).toBe(forNew.status);
    expect(forNew.status).toBe(201);
    const [a, b] = [await forNew.json(), await forExisting.json()];
    expect(shape(b)).toEqual(shape(a));
    expect(a.invitation).toMatchObject({ email: fresh, role: "analyst" });
    expect(b.invitation).toMatchObject({ email: existing.email, role: "analyst" });
    expect(a.invitePath).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);

    // Neither is a member yet; both are listed the same way as pending invitations.
    const listed = await (await members.GET(await request("/api/members", { actor: here.admin }))).json();
    const rows = listed.invitations.filter((row: { email: string }) => [fresh, existing.email].includes(row.email));
    expect(rows).toHaveLength(2);
    expect(shape(rows[0])).toEqual(shape(rows[1]));
    expect(listed.members.map((m: { email: string }) => m.email)).not.toContain(existing.email);
    // No account was made for the new e-mail, and the existing account is unchanged.
    expect(await db.user.count({ where: { email: fresh } })).toBe(0);
    const after = await db.user.findUniqueOrThrow({ where: { id: existing.userId } });
    expect({ hash: after.passwordHash, epoch: after.sessionEpoch, must: after.mustChangePassword }).toEqual({
      hash: before.passwordHash,
      epoch: before.sessionEpoch,
      must: before.mustChangePassword,
    });
    const audit = await db.auditLog.findMany({
      where: { workspaceId, action: "member.invited", entityId: { in: [a.invitation.id, b.invitation.id] } },
    });
    expect(audit).toHaveLength(2);
  });

  it("lets a new e-mail join from the link with a password of their own, once", async () => {
    const email = uniqueEmail("joiner");
    const { invitePath } = await (await invite(email, "pm")).json();
    const token = tokenOf(invitePath);
    expect(await invitationForToken(token)).toMatchObject({
      email,
      role: "pm",
      workspaceName: here.admin.workspaceName,
    });

    const joined = await join({
      token,
      name: "Jo Joiner",
      password: "a password of mine",
      confirmPassword: "a password of mine",
    });
    expect(joined.status).toBe(201);
    expect(await joined.json()).toEqual({ email });
    const claims = await authenticate({ email, password: "a password of mine" }, "127.0.0.9");
    expect(claims).toMatchObject({ workspaceId, role: "pm", name: "Jo Joiner" });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).mustChangePassword).toBe(false);
    expect(await db.auditLog.count({ where: { workspaceId, action: "member.added", entityId: claims.memberId } })).toBe(
      1,
    );

    const again = await join({
      token,
      name: "Mallory",
      password: "another password",
      confirmPassword: "another password",
    });
    expect(again.status).toBe(410);
    expect((await again.json()).error.field).toBe("token");
    expect(await invitationForToken(token)).toBeNull();
  });

  it("never sets an existing account's password from a link: it joins signed in, and the session moves to the new workspace", async () => {
    const existing = elsewhere.marketer;
    const { invitePath, invitation } = await (await invite(existing.email, "marketer")).json();
    const before = await db.user.findUniqueOrThrow({ where: { id: existing.userId } });

    const hijack = await join({
      token: tokenOf(invitePath),
      name: "Hijacker",
      password: "chosen by admin",
      confirmPassword: "chosen by admin",
    });
    expect(hijack.status).toBe(409);
    expect((await hijack.json()).error.field).toBe("email");
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.userId } })).passwordHash).toBe(
      before.passwordHash,
    );
    expect(await db.member.count({ where: { workspaceId, userId: existing.userId } })).toBe(0);

    const mine = await (
      await workspacesRoute.GET(await request("/api/account/workspaces", { actor: existing }))
    ).json();
    expect(mine.workspaces).toEqual([expect.objectContaining({ memberId: existing.memberId, current: true })]);
    expect(mine.invitations).toEqual([
      expect.objectContaining({ id: invitation.id, workspaceName: here.admin.workspaceName, role: "marketer" }),
    ]);

    const accepted = await acceptRoute.POST(
      await request(`/api/account/invitations/${invitation.id}/accept`, { method: "POST", actor: existing }),
      params({ invitationId: invitation.id }),
    );
    expect(accepted.status).toBe(201);
    const { memberId } = await accepted.json();
    const { cookie, claims } = await sessionClaims(accepted);
    expect(claims).toMatchObject({ memberId, workspaceId, role: "marketer", sub: existing.userId });
    // The moved session works at once, in the new workspace.
    const now = await workspacesRoute.GET(
      new Request("http://localhost/api/account/workspaces", { headers: { cookie } }),
    );
    const body = await now.json();
    expect(body.workspaces.map((w: { memberId: string; current: boolean }) => [w.memberId, w.current])).toEqual([
      [existing.memberId, false],
      [memberId, true],
    ]);
    expect(body.invitations).toEqual([]);
    // The account's own password still signs in, to its first workspace.
    expect((await authenticate({ email: existing.email, password: TEST_PASSWORD }, "127.0.0.10")).workspaceId).toBe(
      existing.workspaceId,
    );

    // And back again.
    const back = await workspacesRoute.POST(
      new Request("http://localhost/api/account/workspaces", {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ memberId: existing.memberId }),
      }),
    );
    expect(back.status).toBe(200);
    expect((await sessionClaims(back)).claims).toMatchObject({
      memberId: existing.memberId,
      workspaceId: existing.workspaceId,
    });
  });

  it("refuses someone else's invitation, a withdrawn one and an expired one", async () => {
    const target = elsewhere.analyst;
    const { invitation, invitePath } = await (await invite(target.email)).json();
    // Someone else signed in cannot take it.
    const other = await acceptRoute.POST(
      await request(`/api/account/invitations/${invitation.id}/accept`, { method: "POST", actor: elsewhere.pm }),
      params({ invitationId: invitation.id }),
    );
    expect(other.status).toBe(404);

    // Withdrawn by the admin: neither the link nor the signed-in path works.
    const revoked = await invitationById.DELETE(
      await request(`/api/invitations/${invitation.id}`, { method: "DELETE", actor: here.admin }),
      params({ invitationId: invitation.id }),
    );
    expect(revoked.status).toBe(200);
    expect(await invitationForToken(tokenOf(invitePath))).toBeNull();
    const late = await acceptRoute.POST(
      await request(`/api/account/invitations/${invitation.id}/accept`, { method: "POST", actor: target }),
      params({ invitationId: invitation.id }),
    );
    expect(late.status).toBe(404);
    expect(await db.member.count({ where: { workspaceId, userId: target.userId } })).toBe(0);

    // Expired.
    const email = uniqueEmail("expired");
    const expired = await (await invite(email)).json();
    await db.invitation.update({
      where: { id: expired.invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const tooLate = await join({
      token: tokenOf(expired.invitePath),
      name: "Late",
      password: "late password 1",
      confirmPassword: "late password 1",
    });
    expect(tooLate.status).toBe(410);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("inviting again replaces the earlier link", async () => {
    const email = uniqueEmail("twice");
    const first = await (await invite(email)).json();
    const second = await (await invite(email, "pm")).json();
    expect(await invitationForToken(tokenOf(first.invitePath))).toBeNull();
    expect(await invitationForToken(tokenOf(second.invitePath))).toMatchObject({ role: "pm" });
  });

  it("answers 409 naming the e-mail for someone already in this workspace", async () => {
    const response = await invite(here.pm.email);
    expect(response.status).toBe(409);
    expect((await response.json()).error.field).toBe("email");
  });

  it("refuses to move a session to another user's membership", async () => {
    const response = await workspacesRoute.POST(
      await request("/api/account/workspaces", {
        method: "POST",
        actor: here.analyst,
        body: { memberId: here.pm.memberId },
      }),
    );
    expect(response.status).toBe(404);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("rejects bad join input naming the field and writes nothing", async () => {
    const email = uniqueEmail("bad");
    const { invitePath } = await (await invite(email)).json();
    const token = tokenOf(invitePath);
    const cases: [unknown, string][] = [
      [{ token, name: "", password: "long enough 1", confirmPassword: "long enough 1" }, "name"],
      [{ token, name: "N", password: "short", confirmPassword: "short" }, "password"],
      [{ token, name: "N", password: "long enough 1", confirmPassword: "long enough 2" }, "confirmPassword"],
      [{ token: "not-a-token", name: "N", password: "long enough 1", confirmPassword: "long enough 1" }, "token"],
    ];
    for (const [body, field] of cases) {
      const response = await join(body);
      expect(response.status, field).toBe(400);
      expect((await response.json()).error.field).toBe(field);
    }
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await invitationForToken(token)).not.toBeNull();
  });
});
