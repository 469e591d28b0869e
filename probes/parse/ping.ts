/**
 * Parses ping output from any OS and locale into one shape: replies, errors, loss, RTT
 * statistics and jitter. Dispatches to the Unix or Windows line parser.
 *
 * @module
 */
import type { Platform } from "../types.ts";
import { ipFamily } from "./address.ts";
import { checkInput } from "./input_limits.ts";
import { ParseError } from "./parse_error.ts";
import type { PingLines, PingResult } from "./ping_types.ts";
import { parsePingUnix } from "./ping_unix.ts";
import { parsePingWindows } from "./ping_windows.ts";
import { jitterMs, minAvgMax, round3 } from "./stats.ts";

export type * from "./ping_types.ts";

/** Options of {@link parsePing}. */
export interface PingParseOptions {
  /** The OS that produced the output; guessed from the text when absent. */
  os?: Platform;
}

const UNIX_SIGNS =
  /^[ \t]*(?:\[\d+\.\d+\][ \t]*)?(?:PING[\s(6]|ping6?:|-{3}\s)|icmp_seq|\bseq=\d|packets transmitted|送信パケット数/m;

/** Kinds of error that stand for one request each (not a fatal message about the run). */
const PER_REQUEST = new Set(["unreachable", "ttl-exceeded", "frag-needed", "no-route", "other"]);

/**
 * Parses the output of `ping` (Linux iputils in any translation, busybox, macOS/BSD, Windows
 * in any display language). ICMP error replies ("Destination net unreachable") are errors,
 * never received replies, even where Windows counts them as received.
 *
 * @throws {ParseError} when no header, reply with a sequence number or TTL, statistics, ICMP
 *   error or message of ping about itself is found (timeouts alone are not enough), or the
 *   text is empty, binary or beyond the limits of `input_limits.ts`
 * @example
 * ```ts
 * const r = parsePing("Reply from 192.0.2.1: bytes=32 time=5ms TTL=64\n", { os: "windows" });
 * r.replies[0].rttMs; // 5
 * ```
 */
export function parsePing(text: string, opts: PingParseOptions = {}): PingResult {
  checkInput("ping", text);
  const unix = parsePingUnix(text, opts.os);
  const windows = parsePingWindows(text);
  // Each reads only its own lines; the OS, then the text's Unix signs, break a tie.
  const preferWindows = opts.os ? opts.os === "windows" : !UNIX_SIGNS.test(text);
  const lines = windows.anchors > unix.anchors ||
      (windows.anchors === unix.anchors && preferWindows)
    ? windows
    : unix;
  const nothing = lines.replies.length === 0 && lines.timeouts === 0 &&
    lines.errors.length === 0 && !lines.reported;
  if (lines.anchors === 0 || nothing) {
    throw new ParseError("ping", ["echo replies", "timeouts", "error messages", "statistics"]);
  }
  return finish(lines);
}

function finish(l: PingLines): PingResult {
  const genuine = l.replies.filter((r) => !r.duplicate);
  const rtts = genuine.map((r) => r.rttMs);
  const remoteErrors = l.errors.filter((e) => e.from !== null).length;
  let sent: number | null;
  let received: number;
  if (l.reported) {
    sent = l.reported.sent;
    // Windows counts ICMP errors from routers as received; they are not echo replies.
    received = l.flavor === "windows"
      ? Math.max(0, l.reported.received - remoteErrors)
      : l.reported.received;
  } else {
    sent = estimateSent(l, genuine.length);
    received = genuine.length;
  }
  const computed = minAvgMax(rtts);
  const address = l.address ?? l.replies[0]?.from ?? null;
  const family = address ? ipFamily(address) : 0;
  return {
    flavor: l.flavor,
    target: l.target ?? l.address,
    address,
    family: family === 0 ? null : family,
    payloadBytes: l.payloadBytes,
    replies: l.replies,
    timeouts: l.timeouts,
    errors: l.errors,
    sent,
    received,
    duplicates: Math.max(l.replies.length - genuine.length, l.reported?.duplicates ?? 0),
    lossPercent: sent ? round3((100 * (sent - received)) / sent) : null,
    rtt: l.rtt
      ? { ...l.rtt, source: "summary" }
      : computed
      ? { ...computed, stddevMs: null, source: "replies" }
      : null,
    jitterMs: jitterMs(rtts),
    reported: l.reported,
    complete: l.reported !== null,
    samples: samplesOf(l, sent, received),
  };
}

/**
 * Each request's RTT in the order sent (null: no genuine reply); empty when the replies were
 * counted but not printed. Windows prints its lines in request order; the others number
 * their replies: iputils from 1, BSD and busybox from 0.
 */
function samplesOf(l: PingLines, sent: number | null, received: number): (number | null)[] {
  const out = l.ordered ? [...l.ordered] : numbered(l, sent);
  while (sent !== null && out.length < sent) out.push(null);
  // Quiet output (`ping -q`) counts replies it never printed: their times are unknown.
  return out.filter((x) => x !== null).length < received ? [] : out;
}

function numbered(l: PingLines, sent: number | null): (number | null)[] {
  const numbered = l.replies.filter((r) => !r.duplicate && r.seq !== null);
  const seqs = [...numbered.map((r) => r.seq!), ...l.errors.flatMap((e) => e.seq ?? [])];
  const base = seqs.includes(0) || l.flavor !== "iputils" ? 0 : 1;
  const out: (number | null)[] = new Array(sent ?? 0).fill(null);
  for (const r of numbered) {
    const i = r.seq! - base;
    if (i < 0) continue;
    while (out.length <= i) out.push(null);
    out[i] ??= r.rttMs;
  }
  // Replies without a number (a reworded line) still count, appended in the order printed.
  const unnumbered = l.replies.filter((r) => !r.duplicate && r.seq === null);
  for (const r of unnumbered) {
    const gap = out.indexOf(null);
    if (gap >= 0) out[gap] = r.rttMs;
    else out.push(r.rttMs);
  }
  return out;
}

/**
 * Requests sent, when the statistics are missing: every line that stands for one request,
 * or the span of sequence numbers seen, whichever is larger (Linux prints nothing for a
 * lost request unless run with `-O`).
 */
function estimateSent(l: PingLines, genuine: number): number | null {
  const perRequest = l.errors.filter((e) => PER_REQUEST.has(e.kind)).length;
  const attempts = genuine + l.timeouts + perRequest;
  // A loop, not Math.max(...seqs): spreading 125,000 arguments overflows the stack.
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of [l.replies, l.errors].flat()) {
    if (x.seq === null) continue;
    lo = Math.min(lo, x.seq);
    hi = Math.max(hi, x.seq);
  }
  const span = hi >= lo ? hi - lo + 1 : 0;
  const sent = Math.max(attempts, span);
  return sent > 0 ? sent : null;
}
