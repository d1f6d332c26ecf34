import "server-only";
import { headers } from "next/headers";
import { AppError, forbidden, unauthorized } from "@/lib/http/errors";
import type { Actor } from "./actor";
import { currentActor } from "./current-actor";
import type { Role } from "./roles";

/**
 * The one gate for every route handler and server action: resolves the signed-in member from a
 * live session (its epoch still current) and throws 401 (no live session), 403 `password_change_required`
 * (a one-time password still unchanged: only the password change itself may pass) or 403 (role not
 * in `allowed`). Pass the request in route handlers; server components and actions read the
 * incoming headers.
 */
export async function requireRole(
  allowed: readonly Role[],
  request?: Request,
  { allowPasswordChange = false } = {},
): Promise<Actor> {
  const cookieHeader = request ? request.headers.get("cookie") : (await headers()).get("cookie");
  const actor = await currentActor(cookieHeader);
  if (!actor) throw unauthorized();
  if (actor.mustChangePassword && !allowPasswordChange) {
    throw new AppError(
      403,
      "password_change_required",
      "Choose your own password first: the one you were given works only for that.",
    );
  }
  if (!allowed.includes(actor.role)) throw forbidden("do this");
  return actor;
}
