import { db, type Tx } from "@/lib/db/client";

/** Ends every session of a user: each one carries the epoch it was issued in. Returns the new epoch. */
export async function revokeSessions(tx: Tx | typeof db, userId: string): Promise<number> {
  const user = await tx.user.update({
    where: { id: userId },
    data: { sessionEpoch: { increment: 1 } },
    select: { sessionEpoch: true },
  });
  return user.sessionEpoch;
}
