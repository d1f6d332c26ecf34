import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { explainProfile } from "@/lib/segments/server";
import { explainSegmentSchema } from "@/lib/segments";

// "Why is this person in / not in?" for any definition and any profile id, user id or e-mail.
export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["segments:read"], request);
  const { definition, selfId, profile } = await parseBody(request, explainSegmentSchema);
  return Response.json(await explainProfile(actor.workspaceId, definition, profile, { selfId }));
});
