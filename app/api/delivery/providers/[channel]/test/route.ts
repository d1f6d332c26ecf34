import { z } from "zod";
import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { providerChannelSchema, testProviderSchema } from "@/lib/delivery";
import { testProvider } from "@/lib/delivery/server";
import { handle, parseBody } from "@/lib/http/server";

/**
 * Sends one test message through the saved provider; 200 with the provider's answer, whether it accepted or refused.
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ channel: string }> }) => {
  const actor = await requireRole(PERMISSIONS["delivery:configure"], request);
  const { channel } = z.object({ channel: providerChannelSchema }).parse(await params);
  const input = await parseBody(request, testProviderSchema);
  return Response.json(await testProvider(actor, channel, input));
});
