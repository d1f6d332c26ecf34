import type { Actor } from "./actor";
import { loadActor } from "./load-actor";
import { sessionFromCookies } from "./session-cookie";

/** The member a request's session cookie names, read from the database; null when there is no live session. */
export async function currentActor(cookieHeader: string | null): Promise<Actor | null> {
  const session = await sessionFromCookies(cookieHeader);
  return session ? loadActor(session.memberId, session.epoch) : null;
}
