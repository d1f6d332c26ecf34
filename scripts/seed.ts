// Seeds the demo workspace into an empty database (DATABASE_URL). `npm run seed`.
import { getDb } from "@/lib/db";
import { seedDemoWorkspace } from "@/lib/demo";

const started = Date.now();
const seeded = await seedDemoWorkspace();
console.log(seeded ? `Seeded the demo workspace in ${Date.now() - started} ms.` : "The database already has a workspace: nothing seeded.");
await getDb().$disconnect();
process.exit(0);
