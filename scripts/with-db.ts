// Runs a command with DATABASE_URL set: as given, or pointing at the embedded database
// (started for the command, or the one `npm run dev` is already serving).
import { loadEnvironment } from "./support/env-local";
import { openEmbeddedDatabase } from "./support/embedded-database";
import { runChild } from "./support/run-child";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx scripts/with-db.ts <command> [args...]");
  process.exit(2);
}
loadEnvironment(true);
let stop = async () => {};
if (!process.env.DATABASE_URL) {
  const embedded = await openEmbeddedDatabase();
  process.env.DATABASE_URL = embedded.url;
  stop = embedded.stop;
}
let code = 0;
try {
  await runChild(command, args);
} catch (error) {
  console.error((error as Error).message);
  code = 1;
}
await stop();
process.exit(code);
