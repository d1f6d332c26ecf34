import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate, SignInError } from "./authenticate";
import { callbackPath } from "./callback-path";
import { clientIp } from "./client-ip";
import type { Role } from "./roles";
import { SESSION_MAX_AGE, useSecureCookies } from "./session-cookie";
import { revokeSessions } from "./session-epoch";
import { db } from "@/lib/db/client";

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
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
            clientIp(
              typeof request?.headers?.["x-forwarded-for"] === "string" ? request.headers["x-forwarded-for"] : null,
            ),
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
  events: {
    // A JWT cannot be deleted from the browser that copied it: signing out ends every session of the user.
    async signOut({ token }) {
      if (typeof token?.sub === "string") await revokeSessions(db, token.sub).catch((error) => console.error(error));
    },
  },
  callbacks: {
    // next-auth's own default lets `/\host` through (a browser reads it as `//host`).
    redirect({ url, baseUrl }) {
      return `${baseUrl}${callbackPath(url, baseUrl)}`;
    },
    jwt({ token, user }) {
      if (user) {
        token.memberId = user.memberId;
        token.workspaceId = user.workspaceId;
        // For display only: requireRole reads the current role from the database on every request.
        token.role = user.role;
        // The user's session epoch at sign-in; requireRole refuses the token once it moves on.
        token.epoch = user.epoch;
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
