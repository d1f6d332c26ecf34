import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const roleSchema = z.enum(ROLES, { error: "Choose one of: admin, marketer, pm, analyst." });

export const addMemberSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(254),
  name: z.string().trim().min(1, "Enter the member's name.").max(120),
  role: roleSchema,
});

export const updateMemberSchema = z
  .object({
    role: roleSchema.optional(),
    active: z.boolean().optional(),
  })
  .refine((body) => body.role !== undefined || body.active !== undefined, { message: "Send a role or active.", path: ["role"] });

export type AddMemberInput = z.infer<typeof addMemberSchema>;
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;
