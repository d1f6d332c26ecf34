import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * Streams text-format lines into `COPY … FROM STDIN` on a pg client (server mode only: pglite-server
 * does not speak COPY's sub-protocol). Lines are sent in ~1 MB pieces; returns the rows copied.
 */
export async function copyRows(
  client: pg.Client | pg.PoolClient,
  statement: string,
  lines: readonly string[],
): Promise<number> {
  function* pieces() {
    let piece = "";
    for (const line of lines) {
      piece += line;
      if (piece.length >= 1 << 20) {
        yield piece;
        piece = "";
      }
    }
    if (piece) yield piece;
  }
  const stream = client.query(copyFrom(statement));
  await pipeline(Readable.from(pieces(), { objectMode: false }), stream);
  return stream.rowCount;
}
