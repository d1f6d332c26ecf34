import "server-only";

export { db, getDb, type Db, type Tx } from "./client";
export { ident, identList, qualified } from "./identifier";
export { runTuned, type QuerySettings, type TransactionLimits } from "./tuned-query";
