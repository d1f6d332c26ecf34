import "server-only";
import { headers } from "next/headers";
import { forbidden, unauthorized } from "@/lib/http/errors";
import type { Actor } from "./actor";
import { currentActor } from "./current-actor";
import type { Role } from "./roles";

/**
 * The one gate for every route handler and server action: resolves the signed-in member from a
 * live session (its epoch still current) and throws 401 (no live session) or 403 (role not in `allowed`). Pass the request in route handlers; server components and actions read the
 * incoming headers.
 */
export async function requireRole(allowed: readonly Role[], request?: Request): Promise<Actor> {
  const cookieHeader = request ? request.headers.get("cookie") : (await headers()).get("cookie");
  const actor = await currentActor(cookieHeader);
  if (!actor) throw unauthorized();
  if (!allowed.includes(actor.role)) throw forbidden("do this");
  return actor;
}
