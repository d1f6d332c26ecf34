import type { ChannelSpec } from "./spec";

export const EMAIL_SPEC = {
  channel: "email",
  label: "E-mail",
  fields: [
    // The sender's display name in the inbox; left out, the e-mail provider's "From name" is used.
    // Inboxes show about 25 characters of it on a phone (Gmail, Apple Mail); 120 is Tailor's cap.
    {
      name: "fromName",
      label: "From name",
      kind: "text",
      required: false,
      liquid: true,
      recommendedLength: 25,
      maxLength: 120,
    },
    // Common deliverability guidance (Litmus, Mailchimp): clients show about 60 characters of a
    // subject, phones fewer. RFC 5322 only limits a line to 998 octets, so 60 is advice; 250 is
    // Tailor's cap.
    {
      name: "subject",
      label: "Subject",
      kind: "text",
      required: true,
      liquid: true,
      recommendedLength: 60,
      maxLength: 250,
    },
    // Preview text: clients show roughly 40–140 characters after the subject; past ~100 the rest
    // is rarely seen (the figure).
    { name: "preheader", label: "Preheader", kind: "text", required: false, liquid: true, recommendedLength: 100 },
    { name: "body", label: "Body", kind: "email_body", required: true, liquid: true },
    // Left out, the text part is generated from the HTML; an empty string sends none.
    { name: "text", label: "Plain-text part", kind: "textarea", required: false, liquid: true },
  ],
} as const satisfies ChannelSpec;

// Gmail clips messages whose HTML exceeds 102 KB behind "[Message clipped]" (Google support).
export const EMAIL_CLIP_BYTES = 102 * 1024;
// Spam filters and mailbox providers treat link-heavy messages as suspicious; 20 is Tailor's line.
export const EMAIL_MAX_LINKS = 20;
