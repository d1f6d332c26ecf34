// Delivery's SQL, by topic; the operation files (lib/delivery/*.ts) run these statements.
export * from "./recipients";
export * from "./message-daily";
export * from "./link-clickers";
export * from "./campaigns";
export * from "./prelaunch";
export * from "./outbox";
