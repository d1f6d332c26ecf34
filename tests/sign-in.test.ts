import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { createWorkspace, TEST_PASSWORD } from "./support/fixtures";

let actors: Record<Role, Actor>;
beforeAll(async () => {
  ({ actors } = await createWorkspace());
});

describe("sign-in", () => {
  it("accepts the right password and returns the member's workspace and role", async () => {
    const claims = await authenticate(
      { email: actors.analyst.email.toUpperCase(), password: TEST_PASSWORD },
      "10.0.0.1",
    );
    expect(claims).toMatchObject({
      memberId: actors.analyst.memberId,
      workspaceId: actors.analyst.workspaceId,
      role: "analyst",
    });
  });

  it("refuses a wrong password with one sentence that does not say which part was wrong", async () => {
    await expect(authenticate({ email: actors.pm.email, password: "nope" }, "10.0.0.2")).rejects.toThrow(
      "Wrong e-mail or password.",
    );
    await expect(authenticate({ email: "nobody@test.tailor.dev", password: "nope" }, "10.0.0.2")).rejects.toThrow(
      "Wrong e-mail or password.",
    );
  });

  it("locks an e-mail out after five failures, even with the right password", async () => {
    for (let i = 0; i < 5; i++) {
      await expect(authenticate({ email: actors.marketer.email, password: "guess" }, `10.1.0.${i}`)).rejects.toThrow(
        "Wrong e-mail",
      );
    }
    await expect(authenticate({ email: actors.marketer.email, password: TEST_PASSWORD }, "10.1.0.9")).rejects.toThrow(
      /Too many failed sign-ins\. Try again in 15 minutes\./,
    );
  });

  it("locks an IP out after thirty failures across e-mails", async () => {
    for (let i = 0; i < 30; i++) {
      await expect(
        authenticate({ email: `spray-${i}@test.tailor.dev`, password: "guess" }, "10.2.0.1"),
      ).rejects.toThrow("Wrong e-mail");
    }
    await expect(authenticate({ email: actors.admin.email, password: TEST_PASSWORD }, "10.2.0.1")).rejects.toThrow(
      /Too many failed sign-ins/,
    );
    // The same member from another address is not punished for the sprayer.
    await expect(
      authenticate({ email: actors.admin.email, password: TEST_PASSWORD }, "10.2.0.2"),
    ).resolves.toMatchObject({ role: "admin" });
  });

  it("with no trusted proxy declared, counts failures per e-mail only: an unknown address is nobody's bucket", async () => {
    for (let i = 0; i < 31; i++) {
      await expect(authenticate({ email: `unknown-ip-${i}@test.tailor.dev`, password: "guess" }, null)).rejects.toThrow(
        "Wrong e-mail",
      );
    }
    await expect(authenticate({ email: actors.pm.email, password: TEST_PASSWORD }, null)).resolves.toMatchObject({
      role: "pm",
    });
    for (let i = 0; i < 5; i++)
      await expect(authenticate({ email: actors.analyst.email, password: "guess" }, null)).rejects.toThrow(
        "Wrong e-mail",
      );
    await expect(authenticate({ email: actors.analyst.email, password: TEST_PASSWORD }, null)).rejects.toThrow(
      /Too many failed sign-ins/,
    );
  });
});
