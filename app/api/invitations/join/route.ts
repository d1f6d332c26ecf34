import { handle, parseBody } from "@/lib/http/server";
import { joinWithNewAccount } from "@/lib/members/server";
import { joinWithNewAccountSchema } from "@/lib/members";

/** Public: the invitation link's secret is the credential. The page then signs in with the new password. */
export const POST = handle(async (request: Request) => {
  const input = await parseBody(request, joinWithNewAccountSchema);
  return Response.json(await joinWithNewAccount(input), { status: 201 });
});
