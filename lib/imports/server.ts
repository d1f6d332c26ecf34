import "server-only";

export * from "./index";
export { startImport } from "./run-import";
export { getImport, importErrorReport, type ImportProgress } from "./get-import";
