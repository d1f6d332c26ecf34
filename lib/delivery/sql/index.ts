// Delivery's SQL, by topic; the operation files (lib/delivery/*.ts) run these statements.
export * from "./recipients";
export * from "./message-daily";
