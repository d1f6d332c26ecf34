import { z } from "zod";

export const API_KEY_KINDS = ["server", "client"] as const;
export type ApiKeyKind = (typeof API_KEY_KINDS)[number];

export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the key after what uses it, e.g. “web app”.")
    .max(80, "Use at most 80 characters."),
  // server: the secret write key of the ingestion API. client: publishable, safe in a web page; it only reads the
  // in-app inbox.
  kind: z.enum(API_KEY_KINDS, { error: "The key kind is server or client." }).default("server"),
});

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
