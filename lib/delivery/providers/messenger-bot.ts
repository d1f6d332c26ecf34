import { MESSENGER_BUTTONS_PER_ROW } from "@/lib/templates/channels/messenger";
import { allowedHosts, type ProviderConfig, type ProviderSecrets } from "./config-schema";
import { classifyStatus, failure, httpCall, parseJson } from "./http-call";
import type { OutgoingMessage, Provider, SendResult } from "./provider";

type Button = { label?: unknown; url?: unknown };

/** Template buttons as a Telegram inline keyboard, as many to a row as the preview shows. */
export function inlineKeyboard(buttons: unknown): { inline_keyboard: { text: string; url: string }[][] } | undefined {
  if (!Array.isArray(buttons) || buttons.length === 0) return undefined;
  const keys = (buttons as Button[])
    .filter((b) => typeof b.label === "string" && typeof b.url === "string")
    .map((b) => ({ text: b.label as string, url: b.url as string }));
  if (keys.length === 0) return undefined;
  const rows: { text: string; url: string }[][] = [];
  for (let i = 0; i < keys.length; i += MESSENGER_BUTTONS_PER_ROW)
    rows.push(keys.slice(i, i + MESSENGER_BUTTONS_PER_ROW));
  return { inline_keyboard: rows };
}

/*
 * The Telegram Bot API shape: POST {base}/bot{token}/sendMessage with JSON {chat_id, text,
 * parse_mode?, reply_markup?}; it answers {ok, result: {message_id}} or {ok: false, error_code,
 * description}. 403 (the person blocked the bot) and 400 (chat not found) are final.
 */
export function messengerBotProvider(
  config: ProviderConfig<"messenger_bot">,
  secrets: Partial<ProviderSecrets<"messenger_bot">>,
): Provider {
  const url = `${config.baseUrl.replace(/\/+$/, "")}/bot${secrets.botToken ?? ""}/sendMessage`;
  return {
    kind: "messenger_bot",
    async send(message: OutgoingMessage): Promise<SendResult> {
      const chatId =
        typeof message.to === "number" ? message.to : typeof message.to === "string" ? message.to.trim() : "";
      if (chatId === "") return failure(false, "The profile has no messenger chat id.");
      const r = message.rendered;
      const text = [
        typeof r.text === "string" ? r.text : "",
        typeof r.imageUrl === "string" && r.imageUrl ? r.imageUrl : "",
      ]
        .filter(Boolean)
        .join("\n\n");
      const replyMarkup = inlineKeyboard(r.buttons);
      const answer = await httpCall(
        url,
        {
          method: "POST",
          headers: { "content-type": "application/json", "X-Tailor-Message": message.id },
          body: JSON.stringify({
            chat_id: chatId,
            text,
            ...(config.parseMode ? { parse_mode: config.parseMode } : {}),
            ...(replyMarkup ? { reply_markup: replyMarkup } : {}),
          }),
        },
        config.timeoutMs,
        allowedHosts(config),
      );
      if (!answer.ok) return answer.failure;
      const parsed = parseJson(answer.body) as {
        ok?: boolean;
        result?: { message_id?: unknown };
        description?: string;
      } | null;
      if (answer.status < 200 || answer.status >= 300 || parsed?.ok === false) {
        return classifyStatus(
          answer.status >= 300 ? answer.status : 400,
          "The bot API",
          typeof parsed?.description === "string" ? parsed.description : undefined,
        );
      }
      const id = parsed?.result?.message_id;
      if (typeof id !== "number" && typeof id !== "string")
        return failure(true, "The bot API accepted the message but returned no message_id.");
      return { ok: true, providerId: String(id) };
    },
  };
}
