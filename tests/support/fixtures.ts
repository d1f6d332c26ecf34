import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { ROLES, type Role } from "@/lib/auth/roles";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";

export const TEST_PASSWORD = "correct horse battery";

/** A fresh workspace with one member per role, so test files never see each other's rows. */
export async function createWorkspace(): Promise<{ workspaceId: string; actors: Record<Role, Actor> }> {
  const tag = randomUUID().slice(0, 8);
  const workspace = await db.workspace.create({ data: { name: `Test ${tag}` } });
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const actors = {} as Record<Role, Actor>;
  for (const role of ROLES) {
    const email = `${role}-${tag}@test.tailor.dev`;
    const user = await db.user.create({ data: { email, name: `${role} ${tag}`, passwordHash } });
    const member = await db.member.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
    actors[role] = {
      userId: user.id,
      memberId: member.id,
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      email,
      name: user.name,
      role,
      mustChangePassword: false,
    };
  }
  return { workspaceId: workspace.id, actors };
}

/** A real session cookie, encoded the way next-auth does after a sign-in. */
export async function sessionCookie(actor: Actor): Promise<string> {
  const { sessionEpoch: epoch } = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { sessionEpoch: true },
  });
  const token = await encode({
    token: {
      sub: actor.userId,
      email: actor.email,
      memberId: actor.memberId,
      workspaceId: actor.workspaceId,
      role: actor.role,
      epoch,
    },
    secret: process.env.NEXTAUTH_SECRET!,
  });
  return `${SESSION_COOKIE}=${token}`;
}

export async function request(
  url: string,
  { method = "GET", body, actor }: { method?: string; body?: unknown; actor?: Actor } = {},
): Promise<Request> {
  const headers: Record<string, string> = {};
  if (actor) headers.cookie = await sessionCookie(actor);
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(new URL(url, "http://localhost"), {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

export const uniqueEmail = (prefix = "new") => `${prefix}-${randomUUID().slice(0, 8)}@test.tailor.dev`;
