import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { getWorkspaceSettings, updateWorkspaceSettings } from "@/lib/workspace/server";
import { workspaceSettingsSchema } from "@/lib/workspace";

/** The workspace's settings (name, currency): everyone reads them, reports format revenue with them. */
export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["workspace:read"], request);
  return Response.json(await getWorkspaceSettings(actor.workspaceId));
});

/** Admins change them; bad input is a 400 naming the field and writes nothing. */
export const PUT = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["workspace:configure"], request);
  const input = await parseBody(request, workspaceSettingsSchema);
  return Response.json(await updateWorkspaceSettings(actor, input));
});
