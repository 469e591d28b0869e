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

/** A JSON answer. */
export function jsonAnswer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: API_HEADERS });
}
