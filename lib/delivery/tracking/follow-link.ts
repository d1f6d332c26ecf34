import { db } from "@/lib/db/client";
import { findTrackedMessage } from "./find-message";
import { recordOutcomes, type TrackedMessage } from "./record-outcomes";
import { messageLinksSql } from "./sql";
import { verifyToken } from "./token";
import { LINKS_KEY } from "./track-links";

/** A target /r may send a browser to: an absolute http(s) URL, as trackLinks stored it. */
function safeTarget(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * A click on /r/<token>: the link's original target (looked up by index in the message's stored
 * links — the token carries no URL), or null for a forged or unknown token. The first click on a
 * message records message_clicked; later ones only redirect. `record: false` (HEAD, link
 * scanners) redirects without counting.
 */
export async function followTrackedLink(
  token: string,
  { now = new Date(), record = true } = {},
): Promise<string | null> {
  const ref = verifyToken(token, "click");
  if (!ref) return null;
  const [row] = await db.$queryRaw<(TrackedMessage & { links: unknown })[]>(
    messageLinksSql(ref.workspaceId, ref.messageId, LINKS_KEY),
  );
  if (!row) return null;
  const { links, ...message } = row;
  const link: unknown = Array.isArray(links) ? links[ref.link] : undefined;
  const target = typeof link === "string" ? safeTarget(link) : null;
  if (!target) return null;
  if (record) {
    try {
      await db.$transaction((tx) =>
        recordOutcomes(tx, ref.workspaceId, [
          { message, name: "message_clicked", occurredAt: now, properties: { link: ref.link, url: target } },
        ]),
      );
    } catch (error) {
      // The person still gets where they were going; a lost click is logged, not shown.
      console.error("Recording a click failed", error);
    }
  }
  return target;
}

/** An open pixel load on /o/<token>: records message_opened once; false for a forged or unknown token. */
export async function recordOpen(token: string, { now = new Date() } = {}): Promise<boolean> {
  const ref = verifyToken(token, "open");
  if (!ref) return false;
  const message = await findTrackedMessage(ref);
  if (!message) return false;
  try {
    await db.$transaction((tx) =>
      recordOutcomes(tx, ref.workspaceId, [{ message, name: "message_opened", occurredAt: now }]),
    );
  } catch (error) {
    console.error("Recording an open failed", error);
  }
  return true;
}
