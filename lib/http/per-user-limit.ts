import { AppError } from "./errors";

/*
 * At most `limit` requests of one kind per user at a time (per server process): the rest answer 429
 * at once. For work whose cost the caller chooses, such as rendering a template it typed.
 */
const running: Map<string, number> = ((globalThis as { __tailorPerUser?: Map<string, number> }).__tailorPerUser ??=
  new Map<string, number>());

export async function perUserLimit<T>(kind: string, userId: string, limit: number, work: () => Promise<T>): Promise<T> {
  const key = `${kind}\u0000${userId}`;
  const now = running.get(key) ?? 0;
  if (now >= limit) {
    throw new AppError(
      429,
      "too_many_requests",
      `You have ${limit} ${kind} running already. Wait for one to finish.`,
      undefined,
      { "Retry-After": "1" },
    );
  }
  running.set(key, now + 1);
  try {
    return await work();
  } finally {
    const left = (running.get(key) ?? 1) - 1;
    if (left > 0) running.set(key, left);
    else running.delete(key);
  }
}
