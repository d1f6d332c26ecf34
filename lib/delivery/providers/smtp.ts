import nodemailer from "nodemailer";
import type { ProviderConfig, ProviderSecrets } from "./config-schema";
import { failure } from "./http-call";
import type { OutgoingMessage, Provider, SendResult } from "./provider";

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

/**
 * SMTP's own reading of a failure: 4yz replies are temporary (greylisting, a full queue), 5yz
 * permanent (no such mailbox, refused, bad credentials); a connection that fails or stalls is
 * transient.
 */
export function classifySmtpError(error: SmtpError): SendResult {
  const reply = error.response?.replace(/\s+/g, " ").slice(0, 300) ?? error.message;
  if (typeof error.responseCode === "number")
    return failure(error.responseCode < 500, `The mail server answered ${error.responseCode}: ${reply}`);
  // A login the client cannot even attempt (no password for the username) will not fix itself.
  if (error.code === "EAUTH") return failure(false, `The mail server login failed: ${error.message}`);
  return failure(true, `SMTP ${error.code ?? "error"}: ${error.message}`);
}

/** E-mail through an SMTP server or relay, one pooled transport per configuration. */
export function smtpProvider(config: ProviderConfig<"smtp">, secrets: Partial<ProviderSecrets<"smtp">>): Provider {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.username ? { user: config.username, pass: secrets.password ?? "" } : undefined,
    pool: true,
    maxConnections: 4,
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
  });
  const domain = config.fromAddress.split("@")[1] ?? "tailor.local";
  return {
    kind: "smtp",
    async send(message: OutgoingMessage): Promise<SendResult> {
      if (typeof message.to !== "string" || !message.to.includes("@"))
        return failure(false, "The profile has no e-mail address.");
      const r = message.rendered;
      const html = typeof r.html === "string" ? r.html : undefined;
      const text = typeof r.text === "string" && r.text !== "" ? r.text : undefined;
      // The template's From name wins over the provider's; line breaks never reach a header.
      const fromName =
        (typeof r.fromName === "string" ? r.fromName.replace(/[\r\n]+/g, " ").trim() : "") || config.fromName;
      try {
        const info = await transport.sendMail({
          from: fromName ? { name: fromName, address: config.fromAddress } : config.fromAddress,
          to: message.to,
          subject: typeof r.subject === "string" ? r.subject : "",
          html,
          text,
          // The Message id makes the Message-ID, so a resend after a lost reply is one message to threading clients.
          messageId: `<${message.id}@${domain}>`,
          headers: {
            "X-Tailor-Message": message.id,
            // RFC 8058 one-click unsubscribe: mailbox providers POST "List-Unsubscribe=One-Click" to the URL.
            ...(message.unsubscribeUrl
              ? {
                  "List-Unsubscribe": `<${message.unsubscribeUrl}>`,
                  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                }
              : {}),
          },
        });
        if (info.rejected.length > 0)
          return failure(false, `The mail server refused the recipient ${String(info.rejected[0])}.`);
        return { ok: true, providerId: info.messageId };
      } catch (error) {
        return classifySmtpError(error as SmtpError);
      }
    },
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}
