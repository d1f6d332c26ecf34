import { ZodError, type ZodType } from "zod";
import { AppError } from "./errors";

type Issue = { field: string; message: string };

function zodIssues(error: ZodError): Issue[] {
  return error.issues.map((issue) => ({ field: issue.path.join(".") || "(body)", message: issue.message }));
}

/** Maps any thrown value to a JSON error response; unknown errors become a logged 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ZodError) {
    const issues = zodIssues(error);
    const first = issues[0]!;
    return Response.json(
      { error: { code: "invalid_input", message: `${first.field}: ${first.message}`, field: first.field, issues } },
      { status: 400 },
    );
  }
  if (error instanceof AppError) {
    return Response.json(
      {
        error: {
          ...error.details,
          code: error.code,
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
        },
      },
      { status: error.status, headers: error.headers },
    );
  }
  console.error(error);
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side." } }, { status: 500 });
}

/** Reads a JSON body and validates it; invalid JSON is a 400 like any other bad input. */
export async function parseBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError(400, "invalid_json", "The request body must be JSON.", "(body)");
  }
  return schema.parse(body);
}

/** Like parseBody, for actions whose options may all be left out: an empty body reads as `{}`. */
export async function parseOptionalBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
  const text = await request.text();
  if (text.trim() === "") return schema.parse({});
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError(400, "invalid_json", "The request body must be JSON.", "(body)");
  }
  return schema.parse(body);
}

/** Validates URL search parameters (all strings) against a schema. */
export function parseQuery<T>(request: Request, schema: ZodType<T>): T {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return schema.parse(params);
}

/**
 * Wraps a route handler so every failure becomes a clear JSON error, and no answer is kept by a
 * browser or proxy cache (a new API key, personal data) unless the route chose its own caching.
 */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    let response: Response;
    try {
      response = await fn(...args);
    } catch (error) {
      response = errorResponse(error);
    }
    return noStoreUnlessSet(response);
  };
}

function noStoreUnlessSet(response: Response): Response {
  if (response.headers.has("cache-control")) return response;
  try {
    response.headers.set("cache-control", "no-store");
    return response;
  } catch {
    // Response.redirect's headers are immutable: copy it.
    const headers = new Headers(response.headers);
    headers.set("cache-control", "no-store");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
