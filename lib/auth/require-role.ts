import "server-only";
import { headers } from "next/headers";
import { forbidden, unauthorized } from "@/lib/http/errors";
import type { Actor } from "./actor";
import { loadActor } from "./load-actor";
import type { Role } from "./roles";
import { memberIdFromCookies } from "./session-cookie";

/**
 * The one gate for every route handler and server action: resolves the signed-in member and
 * throws 401 (no valid session) or 403 (role not in `allowed`). Pass the request in route
 * handlers; server components and actions read the incoming headers.
 */
export async function requireRole(allowed: readonly Role[], request?: Request): Promise<Actor> {
  const cookieHeader = request ? request.headers.get("cookie") : (await headers()).get("cookie");
  const memberId = await memberIdFromCookies(cookieHeader);
  const actor = memberId ? await loadActor(memberId) : null;
  if (!actor) throw unauthorized();
  if (!allowed.includes(actor.role)) throw forbidden("do this");
  return actor;
}
