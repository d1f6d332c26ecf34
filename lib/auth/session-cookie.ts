import { decode, encode } from "next-auth/jwt";

// next-auth names its cookies with the __Secure- prefix exactly when it marks them Secure.
export const useSecureCookies = process.env.NODE_ENV === "production";
export const SESSION_COOKIE = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;

function readCookie(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

// next-auth's own session length and cookie attributes (lib/auth/options.ts sets the same maxAge).
export const SESSION_MAX_AGE = 12 * 60 * 60;

/** What a session names: the member, and the user's session epoch it was issued in. */
export type SessionRef = { memberId: string; epoch: number };

/** The member and epoch inside a valid, unexpired session cookie; null otherwise. */
export async function sessionFromCookies(cookieHeader: string | null): Promise<SessionRef | null> {
  const token = cookieHeader ? readCookie(cookieHeader, SESSION_COOKIE) : undefined;
  const secret = process.env.NEXTAUTH_SECRET;
  if (!token || !secret) return null;
  try {
    const claims = await decode({ token, secret });
    // A token without an epoch predates epochs: it cannot be revoked, so it is not honoured.
    if (typeof claims?.memberId !== "string" || typeof claims.epoch !== "number") return null;
    return { memberId: claims.memberId, epoch: claims.epoch };
  } catch {
    return null; // tampered or signed with an old secret
  }
}

/** What a renewed session may change: its epoch, or the membership (workspace) it acts in. */
export type SessionChange = { epoch?: number; memberId?: string; workspaceId?: string; role?: string };

/**
 * The Set-Cookie header that carries the request's own session on with `change` applied: after a
 * password change revoked every session the member who changed it stays signed in here; switching
 * workspace moves it to another of the user's memberships. Null without a session.
 */
export async function renewedSessionCookie(cookieHeader: string | null, change: SessionChange): Promise<string | null> {
  const token = cookieHeader ? readCookie(cookieHeader, SESSION_COOKIE) : undefined;
  const secret = process.env.NEXTAUTH_SECRET;
  if (!token || !secret) return null;
  const claims = await decode({ token, secret }).catch(() => null);
  if (!claims) return null;
  const { exp: _exp, iat: _iat, jti: _jti, ...rest } = claims;
  const renewed = await encode({ token: { ...rest, ...change }, secret, maxAge: SESSION_MAX_AGE });
  return (
    `${SESSION_COOKIE}=${renewed}; Path=/; Max-Age=${SESSION_MAX_AGE}; HttpOnly; ` +
    `SameSite=Lax${useSecureCookies ? "; Secure" : ""}`
  );
}
