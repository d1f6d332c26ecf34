import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseBody } from "@/lib/http/respond";
import { addMember, addMemberSchema, listMembers } from "@/lib/members";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["members:manage"], request);
  return Response.json({ members: await listMembers(actor.workspaceId) });
});

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["members:manage"], request);
  const input = await parseBody(request, addMemberSchema);
  return Response.json(await addMember(actor, input), { status: 201 });
});
