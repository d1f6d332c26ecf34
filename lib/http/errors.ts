/** An error a user can act on: an HTTP status, a stable code, a sentence, and the field at fault. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
    /** Extra members of the error body, e.g. the lint findings that block publishing. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const unauthorized = () => new AppError(401, "unauthorized", "Sign in to continue.");
export const forbidden = (doing: string) => new AppError(403, "forbidden", `Your role does not allow you to ${doing}.`);
export const notFound = (what: string) => new AppError(404, "not_found", `${what} was not found.`);
export const conflict = (message: string, field?: string) => new AppError(409, "conflict", message, field);
