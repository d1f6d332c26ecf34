#!/usr/bin/env node
// The embedded database's server process: PGlite behind the PostgreSQL wire protocol, as the
// package's `pglite-server` script does, with one fix that several connections need.
//
// pglite-socket queues every client's protocol messages onto PGlite's single session and only keeps
// one client's messages together while a transaction is open. An extended-protocol query is several
// messages (Parse, Bind, Describe, Execute, then Sync); another client's messages slipping in between
// them replace the session's unnamed statement or portal, and a client gets "portal does not exist"
// or another client's rows (seen: a home page that found no workspace while the worker and the demo
// seed ran transactions). Here the session counts as busy from a client's first message until its
// Sync (or simple Query, or Terminate), so the queue keeps each query's messages together.
//
//   node lib/db/pglite-serve.mjs -d DATA_DIR|memory:// -p PORT -h HOST -m MAX_CONNECTIONS
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    db: { type: "string", short: "d", default: "memory://" },
    port: { type: "string", short: "p", default: "5432" },
    host: { type: "string", short: "h", default: "127.0.0.1" },
    "max-connections": { type: "string", short: "m", default: "20" },
  },
});

// Message types that end a client's turn: Sync, simple Query, Terminate. A startup or SSL request
// begins with a length, whose first byte is 0.
const ENDS_TURN = new Set(["S".charCodeAt(0), "Q".charCodeAt(0), "X".charCodeAt(0), 0]);

const pglite = new PGlite(values.db);
await pglite.waitReady;
let midQuery = false;
const db = new Proxy(pglite, {
  get(target, property) {
    if (property === "isInTransaction") return () => midQuery || target.isInTransaction();
    if (property === "execProtocolRawStream") {
      return async (message, options) => {
        try {
          return await target.execProtocolRawStream(message, options);
        } finally {
          midQuery = !ENDS_TURN.has(message[0]);
        }
      };
    }
    if (property === "exec") {
      // The queue's ROLLBACK for a client that went away mid-transaction ends its turn too.
      return async (...args) => {
        midQuery = false;
        return target.exec(...args);
      };
    }
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

const server = new PGLiteSocketServer({
  db,
  port: Number(values.port),
  host: values.host,
  maxConnections: Number(values["max-connections"]),
});
await server.start();
console.log(`PGlite serving ${values.db} on ${values.host}:${values.port}`);

async function shutdown() {
  await server.stop();
  await pglite.close();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
