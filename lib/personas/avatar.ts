import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/http/errors";

export const MAX_AVATAR_BYTES = 256 * 1024;

// Recognised by their first bytes, never by the declared type: SVG (scriptable) is not accepted.
const SIGNATURES: { type: string; test: (b: Uint8Array) => boolean }[] = [
  { type: "image/png", test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: "image/jpeg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: "image/webp",
    test: (b) =>
      String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP",
  },
  { type: "image/gif", test: (b) => String.fromCharCode(...b.subarray(0, 4)) === "GIF8" },
];

export function detectImageType(bytes: Uint8Array): string | null {
  return SIGNATURES.find((s) => s.test(bytes))?.type ?? null;
}

/** Stores an uploaded avatar (PNG, JPEG, WebP or GIF up to 256 KB), or removes it with `null`. */
export async function setPersonaAvatar(actor: Actor, personaId: string, bytes: Uint8Array | null) {
  const where = { workspaceId_id: { workspaceId: actor.workspaceId, id: personaId } };
  const persona = await db.persona.findUnique({ where, select: { avatarType: true } });
  if (!persona) throw notFound("That persona");
  let type: string | null = null;
  if (bytes) {
    if (bytes.byteLength > MAX_AVATAR_BYTES)
      throw new AppError(413, "avatar_too_large", "The image is larger than 256 KB.", "avatar");
    type = detectImageType(bytes);
    if (!type) throw new AppError(400, "avatar_type", "Upload a PNG, JPEG, WebP or GIF image.", "avatar");
  }
  await db.$transaction(async (tx) => {
    await tx.persona.update({ where, data: { avatarImage: bytes ? Buffer.from(bytes) : null, avatarType: type } });
    await recordAudit(tx, actor, {
      action: bytes ? "persona.avatar_set" : "persona.avatar_removed",
      entityType: "persona",
      entityId: personaId,
      before: { avatarType: persona.avatarType },
      after: { avatarType: type },
    });
  });
  return { type };
}

export async function getPersonaAvatar(
  workspaceId: string,
  personaId: string,
): Promise<{ bytes: Uint8Array; type: string } | null> {
  const row = await db.persona.findUnique({
    where: { workspaceId_id: { workspaceId, id: personaId } },
    select: { avatarImage: true, avatarType: true },
  });
  return row?.avatarImage && row.avatarType ? { bytes: row.avatarImage, type: row.avatarType } : null;
}
