import "server-only";

export * from "./index";
export { handle, parseBody, parseQuery, parseOptionalBody, errorResponse } from "./respond";
export { perUserLimit } from "./per-user-limit";
