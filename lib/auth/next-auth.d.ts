import "next-auth";
import type { Role } from "./roles";

declare module "next-auth" {
  interface User {
    memberId: string;
    workspaceId: string;
    role: Role;
    epoch: number;
  }
  interface Session {
    user?: { name?: string | null; email?: string | null; memberId: string; workspaceId: string; role: Role };
  }
}
