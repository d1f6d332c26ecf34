import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/server";

// next-auth v4 types the App Router handler loosely (any); it is a (Request) => Response handler.
const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;
export { handler as GET, handler as POST };
