/**
 * The kit's side of the collector API v1 (`docs/collector.md`): upload a report, withdraw
 * it, fetch the status document. Every answer is classified once, here: accepted (with a
 * checked receipt), try again later (network, TLS or pin trouble on this connection, 408,
 * 429, 5xx — honouring `Retry-After`), or refused for good (any other 4xx, or an answer that
 * does not keep the contract).
 *
 * @module
 */
import {
  API_ERRORS,
  type ApiErrorCode,
  apiErrorSchema,
  RETRYABLE_ERRORS,
  type UploadAnswer,
  uploadAnswerSchema,
} from "../../report/upload_schema.ts";
import { apiUrl } from "../../util/collector_url.ts";
import { parseReceipt } from "../../util/receipt.ts";
import { retryAfterSeconds } from "./backoff.ts";
import {
  type HttpRequest,
  httpRequest,
  type HttpResponse,
  TransportError,
} from "./http_request.ts";
import type { TlsPin } from "./tls_pin.ts";

/** Sends one HTTP request; `httpRequest` unless a test swaps it. */
export type Requester = (req: HttpRequest) => Promise<HttpResponse>;

/** A collector as the kit reaches it. */
export interface Destination {
  /** The base URL. */
  url: string;
  /** The brand's pin when the URL is the brand's; null: the system's roots. */
  pin: TlsPin | null;
}

/** What became of an upload. */
export type UploadOutcome =
  | { kind: "accepted"; answer: UploadAnswer }
  | { kind: "retry"; problem: string; retryAfterS?: number }
  | { kind: "rejected"; code: string; problem: string };

/** The longest an upload may take once connected, ms (8 MiB over a slow uplink). */
const UPLOAD_IDLE_MS = 60_000;

/**
 * POSTs `body` (the upload JSON) to `dest` and classifies the answer. Checks that an
 * accepted answer is about this report (`reportId`, `digest`) and carries a valid receipt.
 */
export async function upload(
  dest: Destination,
  body: string,
  expect: { reportId: string; digest: string },
  now: Date,
  request: Requester = httpRequest,
  signal?: AbortSignal,
): Promise<UploadOutcome> {
  let res: HttpResponse;
  try {
    res = await request({
      method: "POST",
      url: apiUrl(dest.url, "v1/reports"),
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: new TextEncoder().encode(body),
      pin: dest.pin,
      idleTimeoutMs: UPLOAD_IDLE_MS,
      maxResponseBytes: 64 * 1024,
      signal,
    });
  } catch (e) {
    if (e instanceof TransportError) return { kind: "retry", problem: e.message };
    throw e;
  }
  if (res.status === 200 || res.status === 201) {
    const answer = uploadAnswerSchema.safeParse(parseJson(res.body));
    const receipt = answer.success ? parseReceipt(answer.data.receipt) : null;
    if (!answer.success || !receipt) {
      return { kind: "retry", problem: `${dest.url}: the collector's answer is not a receipt` };
    }
    if (answer.data.reportId !== expect.reportId || answer.data.digest !== expect.digest) {
      return {
        kind: "rejected",
        code: "mismatch",
        problem: `${dest.url}: the receipt is for another report`,
      };
    }
    return { kind: "accepted", answer: { ...answer.data, receipt } };
  }
  return refusal(res, dest.url, now);
}

/** What became of a withdrawal. */
export type WithdrawOutcome =
  | { kind: "deleted" }
  | { kind: "not-found" }
  | { kind: "retry"; problem: string }
  | { kind: "rejected"; code: string; problem: string };

/** Asks `dest` to delete the report with `receipt`, proving it with the deletion token. */
export async function withdraw(
  dest: Destination,
  receipt: string,
  token: string,
  now: Date,
  request: Requester = httpRequest,
): Promise<WithdrawOutcome> {
  let res: HttpResponse;
  try {
    res = await request({
      method: "DELETE",
      url: apiUrl(dest.url, `v1/reports/${encodeURIComponent(receipt)}`),
      headers: { Authorization: `Bearer ${token}` },
      pin: dest.pin,
      maxResponseBytes: 64 * 1024,
    });
  } catch (e) {
    if (e instanceof TransportError) return { kind: "retry", problem: e.message };
    throw e;
  }
  if (res.status === 204 || res.status === 200) return { kind: "deleted" };
  if (res.status === 404) return { kind: "not-found" };
  const r = refusal(res, dest.url, now);
  return r.kind === "retry" ? { kind: "retry", problem: r.problem } : r;
}

/** The largest status document read (100 000 revoked licence ids fit). */
export const MAX_STATUS_BYTES = 8 << 20;

/**
 * GETs the status document's text from `dest`, or null with why when there is none to read
 * (offline, no document, an error). Never throws for the network.
 */
export async function fetchStatusText(
  dest: Destination,
  timeoutMs: number,
  request: Requester = httpRequest,
): Promise<{ text: string } | { problem: string }> {
  try {
    const res = await request({
      method: "GET",
      url: apiUrl(dest.url, "v1/status"),
      pin: dest.pin,
      connectTimeoutMs: timeoutMs,
      idleTimeoutMs: timeoutMs,
      maxResponseBytes: MAX_STATUS_BYTES,
    });
    if (res.status !== 200) return { problem: `${dest.url}: status answer ${res.status}` };
    return { text: new TextDecoder().decode(res.body) };
  } catch (e) {
    if (e instanceof TransportError) return { problem: e.message };
    throw e;
  }
}

function refusal(
  res: HttpResponse,
  where: string,
  now: Date,
):
  | { kind: "retry"; problem: string; retryAfterS?: number }
  | { kind: "rejected"; code: string; problem: string } {
  const err = apiErrorSchema.safeParse(parseJson(res.body));
  const code: string = err.success ? err.data.error.code : `http-${res.status}`;
  const message = err.success ? clean(err.data.error.message) : `HTTP ${res.status}`;
  const problem = `${where}: ${code} (${message})`;
  const retryable = err.success
    ? RETRYABLE_ERRORS.includes(err.data.error.code as ApiErrorCode) ||
      API_ERRORS[err.data.error.code as ApiErrorCode] >= 500
    : res.status === 408 || res.status === 429 || res.status >= 500;
  if (retryable) {
    return {
      kind: "retry",
      problem,
      retryAfterS: retryAfterSeconds(res.headers.get("retry-after"), now),
    };
  }
  return { kind: "rejected", code, problem };
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/** A server's words, made safe to show and store: no control characters, bounded. */
function clean(text: string): string {
  return text.replace(/\p{C}/gu, " ").slice(0, 300);
}
