import { db } from "@/lib/db/client";
import { IN_APP_LAYOUTS } from "@/lib/templates/channels/in-app";
import type { ProviderConfig } from "./config-schema";
import { failure } from "./http-call";
import type { OutgoingMessage, Provider, SendResult } from "./provider";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The fields the inbox script draws, from the rendered in-app template. */
export function inAppContent(rendered: Record<string, unknown>) {
  const layout = (IN_APP_LAYOUTS as readonly string[]).includes(rendered.layout as string)
    ? (rendered.layout as (typeof IN_APP_LAYOUTS)[number])
    : "modal";
  const buttons = Array.isArray(rendered.buttons)
    ? (rendered.buttons as { label?: unknown; url?: unknown }[])
        .filter((b) => typeof b.label === "string")
        .map((b) => ({ label: b.label as string, url: typeof b.url === "string" ? b.url : "" }))
    : [];
  const str = (key: string) => (typeof rendered[key] === "string" ? rendered[key] : "");
  return { layout, content: { title: str("title"), body: str("body"), imageUrl: str("imageUrl") || null, buttons } };
}

/**
 * The in-app inbox: one InAppMessage per Message (unique on its id, so a retry writes nothing
 * new), read by GET /api/v1/inapp and drawn by public/tailor-inapp.js. Unread messages expire
 * after the configured days.
 */
export function inAppProvider(config: ProviderConfig<"in_app">, now: () => Date = () => new Date()): Provider {
  const sendMany = async (messages: readonly OutgoingMessage[]): Promise<SendResult[]> => {
    const valid = messages.filter((m) => m.profileId);
    if (valid.length > 0) {
      const workspaceId = valid[0]!.workspaceId;
      const expiresAt = new Date(now().getTime() + config.ttlDays * DAY_MS);
      await db.inAppMessage.createMany({
        data: valid.map((message) => {
          const { layout, content } = inAppContent(message.rendered);
          return {
            workspaceId,
            profileId: message.profileId,
            messageId: message.id,
            campaignId: message.campaignId,
            layout,
            content: content,
            expiresAt,
          };
        }),
        // A retry writes nothing new and reports the row written before.
        skipDuplicates: true,
      });
    }
    const rows =
      valid.length === 0
        ? []
        : await db.inAppMessage.findMany({
            where: { workspaceId: valid[0]!.workspaceId, messageId: { in: valid.map((m) => m.id) } },
            select: { id: true, messageId: true },
          });
    const idOf = new Map(rows.map((r) => [r.messageId, r.id]));
    return messages.map((m): SendResult =>
      !m.profileId
        ? failure(false, "The message names no profile.")
        : idOf.has(m.id)
          ? { ok: true, providerId: idOf.get(m.id)! }
          : failure(true, "The inbox row was not written."),
    );
  };
  return {
    kind: "in_app",
    sendMany,
    send: async (message) => (await sendMany([message]))[0]!,
  };
}
