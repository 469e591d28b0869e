/**
 * Reads an upload body without trusting the client: at most `max` bytes (a declared
 * Content-Length above it is refused before reading a byte), within a total deadline and
 * with a limit on pauses, so a client that trickles bytes cannot hold a connection (or the
 * memory of a slot) for long.
 *
 * @module
 */
import { UploadRejected } from "../../collector/ingest.ts";

/** Limits of one body. */
export interface BodyLimits {
  maxBytes: number;
  totalMs: number;
  idleMs: number;
}

/**
 * The body of `req` as bytes.
 *
 * @throws {UploadRejected} `too-large` (413) or `timeout` (408)
 */
export async function readBody(req: Request, limits: BodyLimits): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > limits.maxBytes) throw tooLarge(limits.maxBytes);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const started = performance.now();
  try {
    for (;;) {
      const left = limits.totalMs - (performance.now() - started);
      const next = await withTimeout(reader.read(), Math.min(left, limits.idleMs));
      if (next === TIMEOUT) {
        throw new UploadRejected(
          "timeout",
          `The upload body did not arrive in time (limit ${limits.totalMs} ms, pauses ≤ ${limits.idleMs} ms)`,
        );
      }
      if (next.done) break;
      size += next.value.length;
      if (size > limits.maxBytes) throw tooLarge(limits.maxBytes);
      chunks.push(next.value);
    }
  } catch (e) {
    reader.cancel().catch(() => {});
    throw e;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) out.set(c, at), at += c.length;
  return out;
}

const TIMEOUT = Symbol("timeout");

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<typeof TIMEOUT>((r) => timer = setTimeout(() => r(TIMEOUT), Math.max(0, ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(max: number): UploadRejected {
  return new UploadRejected("too-large", `The upload is larger than ${max} bytes`);
}
