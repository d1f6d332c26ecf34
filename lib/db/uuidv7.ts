import { randomFillSync } from "node:crypto";

// Random bytes drawn 4 KB at a time: one call per 256 ids, not one per id (a batch makes 500).
const POOL = Buffer.alloc(4096);
let offset = POOL.length;

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Rows keyed by ids created
 * together land on the same B-tree pages, where a random UUID dirties a page per row in every index
 * that leads with the id (and writes each page whole to the WAL after a checkpoint).
 */
export function uuidv7(now = Date.now()): string {
  if (offset === POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const bytes = Buffer.from(POOL.subarray(offset, (offset += 16)));
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
