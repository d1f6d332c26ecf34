import { db } from "@/lib/db/client";
import type { Role } from "@/lib/auth/roles";

export type MemberRow = {
  id: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
};

export async function listMembers(workspaceId: string): Promise<MemberRow[]> {
  const members = await db.member.findMany({
    where: { workspaceId },
    include: { user: true },
    orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
  });
  return members.map((member) => ({
    id: member.id,
    userId: member.userId,
    email: member.user.email,
    name: member.user.name,
    role: member.role,
    active: member.deactivatedAt === null,
    createdAt: member.createdAt.toISOString(),
  }));
}
