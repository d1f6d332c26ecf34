import { preferencesInputSchema } from "@/lib/delivery";
import { updatePreferences } from "@/lib/delivery/server";
import { notFound } from "@/lib/http";
import { handle, parseBody } from "@/lib/http/server";

type Context = { params: Promise<{ token: string }> };

/** The preference page's save: public (the signed token is the credential), applied at once. */
export const POST = handle(async (request: Request, { params }: Context) => {
  const input = await parseBody(request, preferencesInputSchema);
  const preferences = await updatePreferences((await params).token, input);
  if (!preferences) throw notFound("This preference link");
  return Response.json({ preferences });
});
