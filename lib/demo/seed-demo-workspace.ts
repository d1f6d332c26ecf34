import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { DEMO_PASSWORD, DEMO_SANDBOX_NAME, DEMO_USERS, DEMO_WORKSPACE_NAME } from "./demo-users";

/**
 * Seeds the demo workspace and one member per role, only into an empty database, so a
 * restart never duplicates it and a real workspace is never touched. Returns whether it seeded.
 */
export async function seedDemoWorkspace(): Promise<boolean> {
  if ((await db.workspace.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({ data: { name: DEMO_WORKSPACE_NAME, isDemo: true, currency: "EUR" } });
    const [admin, ...others] = DEMO_USERS;
    const adminUser = await tx.user.create({ data: { email: admin!.email, name: admin!.name, passwordHash } });
    const adminMember = await tx.member.create({
      data: { workspaceId: workspace.id, userId: adminUser.id, role: "admin" },
    });
    const actor = { workspaceId: workspace.id, userId: adminUser.id, email: adminUser.email };
    await recordAudit(tx, actor, {
      action: "workspace.created",
      entityType: "workspace",
      entityId: workspace.id,
      after: { name: workspace.name },
    });
    await recordAudit(tx, actor, {
      action: "member.added",
      entityType: "member",
      entityId: adminMember.id,
      after: { email: admin!.email, role: "admin" },
    });
    for (const demo of others) {
      const user = await tx.user.create({ data: { email: demo.email, name: demo.name, passwordHash } });
      const member = await tx.member.create({ data: { workspaceId: workspace.id, userId: user.id, role: demo.role } });
      await recordAudit(tx, actor, {
        action: "member.added",
        entityType: "member",
        entityId: member.id,
        after: { email: demo.email, role: demo.role },
      });
    }
    // A second, empty workspace the demo admin also belongs to, so the workspace menu and
    // invitations across workspaces can be tried. Created after the demo workspace: sign-in
    // opens the oldest membership.
    const sandbox = await tx.workspace.create({
      data: { name: DEMO_SANDBOX_NAME, createdAt: new Date(workspace.createdAt.getTime() + 1) },
    });
    const sandboxAdmin = await tx.member.create({
      data: {
        workspaceId: sandbox.id,
        userId: adminUser.id,
        role: "admin",
        createdAt: new Date(adminMember.createdAt.getTime() + 1),
      },
    });
    const sandboxActor = { workspaceId: sandbox.id, userId: adminUser.id, email: adminUser.email };
    await recordAudit(tx, sandboxActor, {
      action: "workspace.created",
      entityType: "workspace",
      entityId: sandbox.id,
      after: { name: sandbox.name },
    });
    await recordAudit(tx, sandboxActor, {
      action: "member.added",
      entityType: "member",
      entityId: sandboxAdmin.id,
      after: { email: admin!.email, role: "admin" },
    });
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
