import type { ChannelSpec } from "./spec";

/*
 * SMS. Parts and encoding follow 3GPP TS 23.038 / 23.040 (see lib/templates/sms.ts): 160 GSM-7
 * septets or 70 UCS-2 units alone, 153 / 67 per part when concatenated. The hard limit is the
 * gateway's: Twilio's Messages API refuses bodies over 1,600 characters (error 21617).
 */
export const SMS_SPEC = {
  channel: "sms",
  label: "SMS",
  fields: [{ name: "body", label: "Message", kind: "textarea", required: true, liquid: true, maxLength: 1600 }],
} as const satisfies ChannelSpec;

// Words that count as an opt-out instruction. US carriers (CTIA Messaging Principles) expect
// "STOP"; the others are the usual German, French and generic spellings.
export const SMS_OPT_OUT_WORDS = ["STOP", "STOPP", "ARRET", "UNSUBSCRIBE"] as const;
