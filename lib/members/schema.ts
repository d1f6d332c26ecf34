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
  .refine((body) => body.role !== undefined || body.active !== undefined, {
    message: "Send a role or active.",
    path: ["role"],
  });

/** The invitation link's secret: 32 random bytes, base64url. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This invitation link is not valid.");

/** What a newcomer sends from the invitation page to create their account. */
export const joinWithNewAccountSchema = z
  .object({
    token: invitationTokenSchema,
    name: z.string().trim().min(1, "Enter your name.").max(120, "Use at most 120 characters."),
    password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { message: "The two passwords differ.", path: ["confirmPassword"] });

export const switchWorkspaceSchema = z.object({ memberId: z.string().min(1, "Choose a workspace.").max(64) });

export type AddMemberInput = z.infer<typeof addMemberSchema>;
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;
export type JoinWithNewAccountInput = z.infer<typeof joinWithNewAccountSchema>;
