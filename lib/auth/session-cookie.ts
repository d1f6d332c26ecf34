import { decode } from "next-auth/jwt";

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

/** The member id inside a valid, unexpired session cookie; null otherwise. */
export async function memberIdFromCookies(cookieHeader: string | null): Promise<string | null> {
  const token = cookieHeader ? readCookie(cookieHeader, SESSION_COOKIE) : undefined;
  const secret = process.env.NEXTAUTH_SECRET;
  if (!token || !secret) return null;
  try {
    const claims = await decode({ token, secret });
    return typeof claims?.memberId === "string" ? claims.memberId : null;
  } catch {
    return null; // tampered or signed with an old secret
  }
}
