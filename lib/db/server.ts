import "server-only";

export { db, getDb, type Db, type Tx } from "./client";
