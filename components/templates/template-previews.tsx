import type { Finding, TemplateChannel } from "@/lib/templates";
import { AndroidNotification } from "./previews/android-notification";
import { EmailPreview } from "./previews/email-preview";
import { InAppFrame } from "./previews/in-app-frame";
import { IosLockScreen } from "./previews/ios-lock-screen";
import { MessengerBubble } from "./previews/messenger-bubble";
import { SmsBubble } from "./previews/sms-bubble";
import { WebhookPayload } from "./previews/webhook-payload";
import { WebPushNotification } from "./previews/web-push-notification";

type Rendered = Record<string, unknown>;
const SENDER = "Acme Outfitters";

const str = (r: Rendered, key: string) => (typeof r[key] === "string" ? r[key] : "");
const opt = (r: Rendered, key: string) => (typeof r[key] === "string" && r[key] !== "" ? r[key] : undefined);
const list = (r: Rendered, key: string) =>
  Array.isArray(r[key])
    ? (r[key] as { label: string; url?: string }[]).map((b) => ({ label: b.label ?? "", url: b.url ?? "" }))
    : [];

/**
 * The message as the recipient's device shows it, from the fields the server rendered for a real
 * profile (so a missing first name shows up here, not in the customer's inbox).
 */
export function TemplatePreviews({
  channel,
  rendered,
  findings,
  layout,
}: {
  channel: TemplateChannel;
  rendered: Rendered;
  findings: readonly Finding[];
  layout?: string;
}) {
  const of = (...fields: string[]) => findings.filter((f) => f.field && fields.includes(f.field.split(".")[0]!));
  switch (channel) {
    case "email":
      return (
        <EmailPreview
          fromName={opt(rendered, "fromName")}
          subject={str(rendered, "subject")}
          preheader={opt(rendered, "preheader")}
          html={str(rendered, "html")}
          findings={of("fromName", "subject", "preheader")}
        />
      );
    case "push":
      return (
        <div className="flex flex-wrap gap-6">
          <IosLockScreen
            appName={SENDER}
            title={str(rendered, "title")}
            body={str(rendered, "body")}
            imageUrl={opt(rendered, "imageUrl")}
            findings={of("title", "body")}
          />
          <AndroidNotification
            appName={SENDER}
            title={str(rendered, "title")}
            body={str(rendered, "body")}
            imageUrl={opt(rendered, "imageUrl")}
          />
        </div>
      );
    case "web_push":
      return (
        <WebPushNotification
          title={str(rendered, "title")}
          body={str(rendered, "body")}
          site="shop.example.com"
          iconUrl={opt(rendered, "iconUrl")}
          imageUrl={opt(rendered, "imageUrl")}
          actions={list(rendered, "actions")}
          findings={of("title", "body", "actions")}
        />
      );
    case "sms":
      return <SmsBubble body={str(rendered, "body")} sender="AcmeShop" findings={of("body")} />;
    case "in_app":
      return (
        <InAppFrame
          layout={(layout ?? str(rendered, "layout") ?? "modal") as "modal"}
          title={str(rendered, "title")}
          body={str(rendered, "body")}
          imageUrl={opt(rendered, "imageUrl")}
          buttons={list(rendered, "buttons")}
          appName={SENDER}
          findings={of("title", "body", "buttons")}
        />
      );
    case "messenger":
      return (
        <MessengerBubble
          botName={SENDER}
          text={str(rendered, "text")}
          imageUrl={opt(rendered, "imageUrl")}
          buttons={list(rendered, "buttons")}
          findings={of("text")}
        />
      );
    case "webhook":
      return <WebhookPayload url={str(rendered, "url")} payload={str(rendered, "payload")} findings={of("payload")} />;
  }
}
