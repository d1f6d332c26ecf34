import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { AppError, notFound } from "@/lib/http";
import { handle } from "@/lib/http/server";
import { getPersonaAvatar, MAX_AVATAR_BYTES, setPersonaAvatar } from "@/lib/personas/server";

type Context = { params: Promise<{ personaId: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["personas:read"], request);
  const avatar = await getPersonaAvatar(actor.workspaceId, (await params).personaId);
  if (!avatar) throw notFound("That avatar");
  // The type was sniffed from the bytes at upload; nosniff and an empty CSP keep it an image.
  return new Response(new Uint8Array(avatar.bytes), {
    headers: {
      "Content-Type": avatar.type,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
      "Cache-Control": "private, no-cache",
    },
  });
});

/** The body is the image itself (as the browser's File), not a form: one field, no parser needed. */
export const PUT = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["personas:edit"], request);
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_AVATAR_BYTES)
    throw new AppError(413, "avatar_too_large", "The image is larger than 256 KB.", "avatar");
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength === 0) throw new AppError(400, "avatar_missing", "Choose an image to upload.", "avatar");
  return Response.json({ avatar: await setPersonaAvatar(actor, (await params).personaId, bytes) });
});

export const DELETE = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["personas:edit"], request);
  return Response.json({ avatar: await setPersonaAvatar(actor, (await params).personaId, null) });
});
