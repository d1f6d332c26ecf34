import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { identitySecret, rotateIdentitySecret } from "@/lib/delivery/server";
import { handle } from "@/lib/http/server";

/** The in-app identity secret, for the admin who puts it on the customer's server (made on first read). */
export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["workspace:configure"], request);
  return Response.json({ secret: await identitySecret(actor.workspaceId) });
});

/** A new secret replaces it at once (audited): pages whose server still uses the old one stop reading the inbox. */
export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["workspace:configure"], request);
  return Response.json({ secret: await rotateIdentitySecret(actor) });
});
