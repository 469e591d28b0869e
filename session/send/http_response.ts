/**
 * Decoding a whole HTTP/1.1 response (head, then a body by `Content-Length`, chunked, or up
 * to the end of the connection). Pure: bytes in, response out.
 *
 * @module
 */

/** A response that is not HTTP/1.x or is cut short. */
export class HttpProtocolError extends Error {
  /** @param message what is wrong, in English */
  constructor(message: string) {
    super(message);
    this.name = "HttpProtocolError";
  }
}

/** A decoded response. */
export interface DecodedResponse {
  status: number;
  /** Header names lowercased. */
  headers: Map<string, string>;
  body: Uint8Array;
}

const latin1 = new TextDecoder("latin1");

/** Index of the blank line that ends the head, or −1. */
function headEnd(raw: Uint8Array): number {
  for (let i = 0; i + 3 < raw.length; i++) {
    if (raw[i] === 13 && raw[i + 1] === 10 && raw[i + 2] === 13 && raw[i + 3] === 10) return i;
  }
  return -1;
}

/** True once `raw` holds the whole head. */
export function headComplete(raw: Uint8Array): boolean {
  return headEnd(raw) >= 0;
}

/**
 * The byte length of the whole response when its head says how long it is
 * (`Content-Length`), else null (chunked, or read to the end).
 */
export function expectedLength(raw: Uint8Array): number | null {
  const end = headEnd(raw);
  if (end < 0) return null;
  const m = /\r\ncontent-length:\s*(\d+)\s*(\r\n|$)/i.exec(latin1.decode(raw.subarray(0, end)));
  return m && !/\r\ntransfer-encoding:/i.test(latin1.decode(raw.subarray(0, end)))
    ? end + 4 + Number(m[1])
    : null;
}

/**
 * Decodes a complete response.
 *
 * @throws {HttpProtocolError} when it is not an HTTP/1.x response or its body is cut short
 * @example
 * ```ts
 * const r = decodeResponse(new TextEncoder().encode(
 *   "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
 * ));
 * r.status; // 200
 * ```
 */
export function decodeResponse(raw: Uint8Array): DecodedResponse {
  const end = headEnd(raw);
  if (end < 0) throw new HttpProtocolError("the answer ended before its head did");
  const lines = latin1.decode(raw.subarray(0, end)).split("\r\n");
  const m = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(lines[0]);
  if (!m) throw new HttpProtocolError(`not an HTTP/1.1 answer: "${lines[0].slice(0, 60)}"`);
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    if (colon <= 0) throw new HttpProtocolError(`bad header line "${line.slice(0, 60)}"`);
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const rest = raw.subarray(end + 4);
  let body: Uint8Array;
  if (/chunked/i.test(headers.get("transfer-encoding") ?? "")) body = dechunk(rest);
  else if (headers.has("content-length")) {
    const n = Number(headers.get("content-length"));
    if (!Number.isSafeInteger(n) || n < 0) throw new HttpProtocolError("bad Content-Length");
    if (rest.length < n) throw new HttpProtocolError("the answer's body was cut short");
    body = rest.subarray(0, n);
  } else body = rest;
  return { status: Number(m[1]), headers, body: new Uint8Array(body) };
}

/** Joins a chunked body. */
function dechunk(raw: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    let nl = -1;
    for (let i = at; i + 1 < raw.length; i++) {
      if (raw[i] === 13 && raw[i + 1] === 10) {
        nl = i;
        break;
      }
    }
    if (nl < 0) throw new HttpProtocolError("the chunked body was cut short");
    const size = parseInt(latin1.decode(raw.subarray(at, nl)).split(";")[0].trim(), 16);
    if (!Number.isFinite(size) || size < 0) throw new HttpProtocolError("bad chunk size");
    if (size === 0) break;
    const start = nl + 2;
    if (start + size > raw.length) throw new HttpProtocolError("the chunked body was cut short");
    parts.push(raw.subarray(start, start + size));
    at = start + size + 2;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) out.set(p, o), o += p.length;
  return out;
}
