import type { TemplateChannel } from "@/lib/templates/channels";
import type { TemplateContent } from "./schema";

/**
 * What a new template starts with when the request brings no content: every required field
 * filled with a short placeholder, so the first draft passes the content schema and the editor
 * opens on something to change rather than on errors.
 */
export function starterContent(channel: TemplateChannel): TemplateContent {
  switch (channel) {
    case "email":
      return {
        channel,
        locales: {
          default: {
            subject: 'Hello {{ profile.first_name | default: "there" }}',
            body: {
              format: "blocks",
              blocks: [
                { type: "heading", text: 'Hello {{ profile.first_name | default: "there" }}' },
                { type: "text", text: "Write your message here." },
                { type: "footer", text: "", unsubscribeLabel: "Unsubscribe" },
              ],
            },
          },
        },
      };
    case "push":
      return { channel, locales: { default: { title: "Title", body: "Write your message here." } } };
    case "web_push":
      return {
        channel,
        locales: { default: { title: "Title", body: "Write your message here.", url: "https://example.com" } },
      };
    case "sms":
      return { channel, locales: { default: { body: "Write your message here. Reply STOP to opt out." } } };
    case "in_app":
      return { channel, locales: { default: { layout: "modal", title: "Title", body: "Write your message here." } } };
    case "messenger":
      return { channel, locales: { default: { text: "Write your message here." } } };
    case "webhook":
      return {
        channel,
        locales: { default: { url: "https://example.com/hook", payload: '{"profile": {{ profile.email | json }}}' } },
      };
  }
}
