// `npm run workspace:create -- --name "Acme" --admin-email ada@acme.com --admin-name "Ada"`:
// the first workspace on a production database, where the demo is never seeded.
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { createWorkspace, createWorkspaceSchema } from "@/lib/workspace/create-workspace";

const { values } = parseArgs({
  options: { name: { type: "string" }, "admin-email": { type: "string" }, "admin-name": { type: "string" } },
});
let code = 0;
try {
  const input = createWorkspaceSchema.parse({
    name: values.name,
    adminEmail: values["admin-email"],
    adminName: values["admin-name"],
  });
  const { oneTimePassword } = await createWorkspace(input);
  console.log(`Created "${input.name}". ${input.adminEmail} signs in once with: ${oneTimePassword}`);
} catch (error) {
  if (error instanceof ZodError)
    console.error(
      error.issues
        .map((i) => `--${String(i.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`)
        .join("\n"),
    );
  else if (error instanceof AppError) console.error(error.message);
  else console.error(error);
  code = 1;
}
await getDb().$disconnect();
process.exit(code);
