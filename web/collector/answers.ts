/**
 * The collector API's error answers: JSON `{"error":{"code","message","path"}}` with the
 * status of the code (see `report/upload_schema.ts`), and Retry-After where the kit should
 * try again later.
 *
 * @module
 */
import { API_ERRORS, type ApiError, type ApiErrorCode } from "../../report/upload_schema.ts";

/** Headers on every API answer. */
export const API_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
} as const;

/** An error answer. */
export function errorAnswer(
  code: ApiErrorCode,
  message: string,
  opts: { path?: string; retryAfterS?: number } = {},
): Response {
  const body: ApiError = { error: { code, message, ...(opts.path ? { path: opts.path } : {}) } };
  const headers: Record<string, string> = { ...API_HEADERS };
  if (opts.retryAfterS !== undefined) headers["retry-after"] = String(opts.retryAfterS);
  // A refused upload may not have been read to the end: do not keep the connection.
  if (code === "too-large" || code === "timeout") headers["connection"] = "close";
  return new Response(JSON.stringify(body), { status: API_ERRORS[code], headers });
}

/**
 * `res`, then an attempt to drop the connection. Deno's server keeps a connection whose
 * request body was not read to its declared end open after the answer (even with
 * `Connection: close`), so a client trickling a byte at a time could keep it for hours; a
 * response body that fails after its last byte usually makes the server abort the
 * connection (measured on Deno 2.9.6: most of the time, not always — a reverse proxy's
 * body and header timeouts are the sure wall, see docs/collector.md). The client gets the
 * status and the JSON but no clean end of the body: the kit treats that as a network
 * error and keeps the report queued, which is right for an upload that was too slow.
 */
export async function cutOff(res: Response): Promise<Response> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  const body = new ReadableStream<Uint8Array>({
    start(ctrl) {
      ctrl.enqueue(bytes);
      // Give the bytes a moment to leave before the connection is aborted.
      setTimeout(() => ctrl.error(new Error("Cut off a slow upload")), 100);
    },
  });
  return new Response(body, { status: res.status, headers });
}

/** A JSON answer. */
export function jsonAnswer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: API_HEADERS });
}
