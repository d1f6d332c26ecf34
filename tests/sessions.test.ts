import { beforeAll, describe, expect, it } from "vitest";
import * as accountPassword from "@/app/api/account/password/route";
import * as memberById from "@/app/api/members/[memberId]/route";
import * as segments from "@/app/api/segments/route";
import type { Actor } from "@/lib/auth/actor";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/auth/roles";
import { createWorkspace, request, sessionCookie, TEST_PASSWORD } from "./support/fixtures";

let actors: Record<Role, Actor>;
beforeAll(async () => {
  ({ actors } = await createWorkspace());
});

/** GET /api/segments with exactly this cookie: 200 while the session lives, 401 after. */
const listSegments = (cookie: string) =>
  segments.GET(new Request("http://localhost/api/segments", { headers: { cookie } }));

describe("sessions end when they should", () => {
  it("refuses a copied session cookie after its user signs out", async () => {
    const cookie = await sessionCookie(actors.analyst);
    expect((await listSegments(cookie)).status).toBe(200);
    await authOptions.events!.signOut!({ token: { sub: actors.analyst.userId }, session: undefined as never });
    expect((await listSegments(cookie)).status).toBe(401);
    expect((await listSegments(await sessionCookie(actors.analyst))).status).toBe(200);
  });

  it("refuses every earlier session after a password change, and keeps the one that changed it", async () => {
    const other = await sessionCookie(actors.pm);
    const response = await accountPassword.POST(
      new Request("http://localhost/api/account/password", {
        method: "POST",
        headers: { cookie: other, "content-type": "application/json" },
        body: JSON.stringify({
          currentPassword: TEST_PASSWORD,
          newPassword: "a brand new password",
          confirmPassword: "a brand new password",
        }),
      }),
    );
    expect(response.status).toBe(200);
    expect((await listSegments(other)).status).toBe(401);
    const renewed = response.headers.get("set-cookie")!.split(";")[0]!;
    expect((await listSegments(renewed)).status).toBe(200);
  });

  it("does not bring a deactivated member's old session back on reactivation", async () => {
    const cookie = await sessionCookie(actors.marketer);
    const setActive = async (active: boolean) =>
      memberById.PATCH(
        await request(`/api/members/${actors.marketer.memberId}`, {
          method: "PATCH",
          actor: actors.admin,
          body: { active },
        }),
        {
          params: Promise.resolve({ memberId: actors.marketer.memberId }),
        },
      );
    expect((await setActive(false)).status).toBe(200);
    expect((await setActive(true)).status).toBe(200);
    expect((await listSegments(cookie)).status).toBe(401);
  });
});

describe("a one-time password opens nothing but the password change", () => {
  it("answers 403 password_change_required on the API until the password is changed", async () => {
    const { actors: fresh } = await createWorkspace();
    await db.user.update({ where: { id: fresh.analyst.userId }, data: { mustChangePassword: true } });
    const cookie = await sessionCookie(fresh.analyst);
    const refused = await listSegments(cookie);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("password_change_required");

    const changed = await accountPassword.POST(
      new Request("http://localhost/api/account/password", {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({
          currentPassword: TEST_PASSWORD,
          newPassword: "my own password now",
          confirmPassword: "my own password now",
        }),
      }),
    );
    expect(changed.status).toBe(200);
    const renewed = changed.headers.get("set-cookie")!.split(";")[0]!;
    expect((await listSegments(renewed)).status).toBe(200);
  });
});
