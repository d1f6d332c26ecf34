import { gunzipSync, inflateSync } from "node:zlib";
import { AppError } from "@/lib/http/errors";

// gzip's magic number: a JSON text never starts with 0x1f, so a body that does is compressed
// whatever its headers say (some SDKs compress every batch and label it application/octet-stream).
const GZIP_MAGIC = [0x1f, 0x8b] as const;
const ENCODINGS = ["identity", "gzip", "x-gzip", "deflate"] as const;

const tooLarge = (maxBytes: number, field: string, what = "The body") =>
  new AppError(413, "too_large", `${what} is larger than ${maxBytes / 1024} KB.`, field);

/** The request's bytes, read as they arrive and refused as soon as they pass `maxBytes` (no header is trusted). */
async function readBytes(request: Request, maxBytes: number, field: string): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes, field);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes, field);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Decompresses a gzip or deflate body, inflating at most `maxBytes`: a small compressed body cannot
 * become a large one (a gzip bomb stops at the limit, with the same 413 as a large plain body).
 */
function inflate(bytes: Buffer, encoding: string, maxBytes: number, field: string): Buffer {
  try {
    const options = { maxOutputLength: maxBytes };
    return encoding === "deflate" ? inflateSync(bytes, options) : gunzipSync(bytes, options);
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError)
      throw tooLarge(maxBytes, field, "The decompressed body");
    throw new AppError(400, "invalid_encoding", `The body is not valid ${encoding} data.`, "(body)");
  }
}

/**
 * The JSON body of an ingestion request, plain or compressed (`Content-Encoding: gzip` or `deflate`, or
 * gzip bytes under any label), at most `maxBytes` before and after decompression.
 */
export async function readJsonBody(request: Request, maxBytes: number, field: string): Promise<unknown> {
  const encoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (!(ENCODINGS as readonly string[]).includes(encoding))
    throw new AppError(
      415,
      "unsupported_encoding",
      `Content-Encoding ${encoding} is not accepted; send gzip, deflate or no encoding.`,
      "Content-Encoding",
    );
  let bytes = await readBytes(request, maxBytes, field);
  const gzipped = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
  if (encoding === "deflate") bytes = inflate(bytes, "deflate", maxBytes, field);
  else if (encoding !== "identity" || gzipped) bytes = inflate(bytes, "gzip", maxBytes, field);
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new AppError(400, "invalid_json", "The request body must be JSON.", "(body)");
  }
}
