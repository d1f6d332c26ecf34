import type { ChannelSpec } from "./spec";

/*
 * Webhook: Tailor POSTs a JSON body (Liquid rendered inside it) to the URL. The body must be
 * valid JSON once rendered. 64 KB (UTF-8 bytes) is Tailor's own cap, set in the issue: room for
 * any templated event payload while keeping a send's queue row small.
 */
export const WEBHOOK_SPEC = {
  channel: "webhook",
  label: "Webhook",
  fields: [
    { name: "url", label: "Endpoint URL", kind: "url", required: true, liquid: true },
    { name: "payload", label: "JSON payload", kind: "json", required: true, liquid: true, maxBytes: 64 * 1024 },
  ],
} as const satisfies ChannelSpec;
