import { z } from "zod";
import { db } from "@/lib/db/client";
import { generateOneTimePassword, hashPassword } from "@/lib/auth/password";
import { conflict } from "@/lib/http/errors";
import { openWorkspace } from "./open-workspace";

export const createWorkspaceSchema = z.object({
  name: z.string().trim().min(1, "Name the workspace.").max(120),
  adminEmail: z.string().trim().toLowerCase().email("Enter a valid e-mail address."),
  adminName: z.string().trim().min(1, "Enter the admin's name.").max(120),
});

/** A new workspace and its first admin, who signs in with a one-time password and then picks their own. */
export async function createWorkspace(input: z.infer<typeof createWorkspaceSchema>) {
  if (await db.user.findUnique({ where: { email: input.adminEmail } }))
    throw conflict(`${input.adminEmail} already has an account.`, "adminEmail");
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const workspace = await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.adminEmail, name: input.adminName, passwordHash, mustChangePassword: true },
    });
    return (await openWorkspace(tx, { name: input.name }, user)).workspace;
  });
  return { workspaceId: workspace.id, oneTimePassword };
}
