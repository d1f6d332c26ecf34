import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { loadStoredPolicy, savePolicy } from "@/lib/delivery/server";
import { policySchema } from "@/lib/delivery";
import { handle, parseBody } from "@/lib/http/server";

/** The workspace send policy (caps, quiet hours, default timezone, topics); the defaults until one is saved. */
export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["campaigns:read"], request);
  return Response.json(await loadStoredPolicy(actor.workspaceId));
});

/** Replaces the policy (admins); bad input is a 400 naming the field and writes nothing. */
export const PUT = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["delivery:configure"], request);
  const input = await parseBody(request, policySchema);
  return Response.json(await savePolicy(actor, input));
});
