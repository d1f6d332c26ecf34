import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspace/create-workspace";
import { uniqueEmail } from "./support/fixtures";

describe("npm run workspace:create", () => {
  it("opens a workspace whose first admin signs in once with the one-time password, both audited", async () => {
    const adminEmail = uniqueEmail("founder");
    const { workspaceId, oneTimePassword } = await createWorkspace({
      name: "Founders Inc",
      adminEmail,
      adminName: "Fay Founder",
    });
    const claims = await authenticate({ email: adminEmail, password: oneTimePassword }, "127.0.0.11");
    expect(claims).toMatchObject({ workspaceId, role: "admin", name: "Fay Founder" });
    expect((await db.user.findUniqueOrThrow({ where: { email: adminEmail } })).mustChangePassword).toBe(true);
    const audit = await db.auditLog.findMany({ where: { workspaceId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["workspace.created", "member.added"]);
    expect(audit[1]!.after).toMatchObject({ email: adminEmail, role: "admin" });
  });

  it("refuses an e-mail that already has an account, naming the field", async () => {
    const adminEmail = uniqueEmail("taken");
    await createWorkspace({ name: "First", adminEmail, adminName: "A" });
    await expect(createWorkspace({ name: "Second", adminEmail, adminName: "A" })).rejects.toMatchObject({
      status: 409,
      field: "adminEmail",
    });
  });
});
