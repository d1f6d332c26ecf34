/** An error from our JSON API, carrying the server's sentence and the field at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    /** The rest of the error body (e.g. the lint findings that blocked a publish). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** fetch for the dashboard's internal API: JSON in and out, errors as ApiError. */
export async function apiFetch<T>(
  url: string,
  init?: { method?: string; body?: unknown; signal?: AbortSignal },
): Promise<T> {
  const response = await fetch(url, {
    method: init?.method ?? "GET",
    headers: init?.body === undefined ? undefined : { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init?.signal,
  });
  const payload = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    // The API's error shape (lib/http/errors.ts): { error: { code, message, field?, … } }.
    const error = (payload as { error?: { message?: string; field?: string } & Record<string, unknown> } | null)?.error;
    throw new ApiError(
      response.status,
      error?.message ?? `Request failed (${response.status}).`,
      error?.field,
      error ?? {},
    );
  }
  return payload as T;
}
