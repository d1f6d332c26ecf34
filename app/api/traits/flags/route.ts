import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { setTraitFlag } from "@/lib/profiles/server";
import { setTraitFlagSchema } from "@/lib/profiles";

export const PUT = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["traits:flag"], request);
  const input = await parseBody(request, setTraitFlagSchema);
  return Response.json({ trait: await setTraitFlag(actor, input) });
});
