import { z } from "zod";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name the key after what uses it, e.g. “web app”.").max(80, "Use at most 80 characters."),
});

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
