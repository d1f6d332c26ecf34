import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate, SignInError } from "./authenticate";
import type { Role } from "./roles";
import { useSecureCookies } from "./session-cookie";

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  return first || (typeof headers?.["x-real-ip"] === "string" ? headers["x-real-ip"] : "unknown");
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  useSecureCookies,
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "E-mail",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        try {
          const claims = await authenticate(
            { email: credentials?.email ?? "", password: credentials?.password ?? "" },
            clientIp(request?.headers),
          );
          return { id: claims.userId, ...claims };
        } catch (error) {
          // next-auth hands a thrown message to the sign-in page; anything else stays generic.
          if (error instanceof SignInError) throw new Error(error.message);
          console.error(error);
          throw new Error("Sign-in is unavailable right now. Try again in a moment.");
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.memberId = user.memberId;
        token.workspaceId = user.workspaceId;
        // For display only: requireRole reads the current role from the database on every request.
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.memberId = token.memberId as string;
        session.user.workspaceId = token.workspaceId as string;
        session.user.role = token.role as Role;
      }
      return session;
    },
  },
};
