import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { openWorkspace } from "@/lib/workspace/open-workspace";
import { DEMO_PASSWORD, DEMO_SANDBOX_NAME, DEMO_USERS, DEMO_WORKSPACE_NAME } from "./demo-users";

/**
 * Seeds the demo workspace and one member per role, only into an empty database, so a
 * restart never duplicates it and a real workspace is never touched. Returns whether it seeded.
 */
export async function seedDemoWorkspace(): Promise<boolean> {
  if ((await db.workspace.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const [admin, ...others] = DEMO_USERS;
    const adminUser = await tx.user.create({ data: { email: admin!.email, name: admin!.name, passwordHash } });
    const demo = await openWorkspace(tx, { name: DEMO_WORKSPACE_NAME, isDemo: true, currency: "EUR" }, adminUser);
    for (const other of others) {
      const user = await tx.user.create({ data: { email: other.email, name: other.name, passwordHash } });
      const member = await tx.member.create({
        data: { workspaceId: demo.workspace.id, userId: user.id, role: other.role },
      });
      await recordAudit(tx, demo.actor, {
        action: "member.added",
        entityType: "member",
        entityId: member.id,
        after: { email: other.email, role: other.role },
      });
    }
    // A second, empty workspace the demo admin also belongs to, so the workspace menu and
    // invitations across workspaces can be tried. Created after the demo workspace: sign-in
    // opens the oldest membership.
    const later = (at: Date) => new Date(at.getTime() + 1);
    await openWorkspace(
      tx,
      { name: DEMO_SANDBOX_NAME, createdAt: later(demo.workspace.createdAt) },
      adminUser,
      later(demo.member.createdAt),
    );
  });
  return true;
}

/** True while a demo workspace exists: the sign-in page then shows the demo credentials. */
export async function demoWorkspaceExists(): Promise<boolean> {
  return (await db.workspace.count({ where: { isDemo: true } })) > 0;
}

/** The demo workspace's id, if there is one. */
export async function demoWorkspaceId(): Promise<string | null> {
  return (await db.workspace.findFirst({ where: { isDemo: true }, select: { id: true } }))?.id ?? null;
}
