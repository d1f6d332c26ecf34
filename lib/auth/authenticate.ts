import { db } from "@/lib/db/client";
import { verifyPassword } from "./password";
import type { Role } from "./roles";
import { signInSchema, type SignInInput } from "./sign-in-schema";
import { checkSignInRateLimit, clearFailedSignIns, recordFailedSignIn } from "./rate-limit";

export type SessionClaims = {
  userId: string;
  memberId: string;
  workspaceId: string;
  role: Role;
  email: string;
  name: string;
  epoch: number;
};

export class SignInError extends Error {}

/** Checks credentials for the member's first active workspace; throws SignInError with a sentence for the user. */
export async function authenticate(input: SignInInput, ip: string | null): Promise<SessionClaims> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new SignInError(parsed.error.issues[0]!.message);
  const { email, password } = parsed.data;

  const verdict = await checkSignInRateLimit(email, ip);
  if (verdict.limited) {
    throw new SignInError(
      `Too many failed sign-ins. Try again in ${verdict.retryAfterMinutes} ` +
        `minute${verdict.retryAfterMinutes === 1 ? "" : "s"}.`,
    );
  }

  const user = await db.user.findUnique({
    where: { email },
    include: { members: { where: { deactivatedAt: null }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const member = user?.members[0];
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !member || !ok) {
    await recordFailedSignIn(email, ip);
    throw new SignInError("Wrong e-mail or password.");
  }
  await clearFailedSignIns(email);
  return {
    userId: user.id,
    memberId: member.id,
    workspaceId: member.workspaceId,
    role: member.role,
    email: user.email,
    name: user.name,
    epoch: user.sessionEpoch,
  };
}
