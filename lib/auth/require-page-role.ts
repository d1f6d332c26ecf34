import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/http/errors";
import type { Actor } from "./actor";
import { requireRole } from "./require-role";
import { ROLES, type Role } from "./roles";

// Layout and page both ask within one request; read the session and member once.
const signedInActor = cache(async (): Promise<Actor> => {
  try {
    // The page gate below sends a member who owes a new password to its form.
    return await requireRole(ROLES, undefined, { allowPasswordChange: true });
  } catch (error) {
    if (error instanceof AppError && error.status === 401) redirect("/signin");
    throw error;
  }
});

/** requireRole for pages: signed-out → /signin, wrong role → the 403 page, new password owed → its form. */
export async function requirePageRole(
  allowed: readonly Role[] = ROLES,
  { allowPasswordChange = false } = {},
): Promise<Actor> {
  const actor = await signedInActor();
  if (actor.mustChangePassword && !allowPasswordChange) redirect("/account/password");
  if (!allowed.includes(actor.role)) forbidden();
  return actor;
}
