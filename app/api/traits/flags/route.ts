import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseBody } from "@/lib/http/respond";
import { setTraitFlag, setTraitFlagSchema } from "@/lib/profiles";

export const PUT = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["traits:flag"], request);
  const input = await parseBody(request, setTraitFlagSchema);
  return Response.json({ trait: await setTraitFlag(actor, input) });
});
