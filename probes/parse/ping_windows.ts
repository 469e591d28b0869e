/**
 * Line parser for Windows `ping.exe` in any display language. It keys on what every
 * translation keeps: addresses, `=` before numbers, `ms`, `TTL=`, and the order of the
 * statistics (sent, received, lost; minimum, maximum, average). Every pattern is anchored or
 * starts only at an `=`, a `<` or the start of a number, so a line costs linear time.
 *
 * @module
 */
import { addressToken, bracketedHost, findAddresses } from "./address.ts";
import {
  classifyLocal,
  classifyRemote,
  isKnownLocalText,
  isTimeoutText,
  quotedMtu,
} from "./icmp_text.ts";
import type { PingLines } from "./ping_types.ts";

const TIME = /([=<])\s*(\d+)\s*(?:ms|мс)(?!\p{L})/u;
const COUNTS = /=\s*(\d+)[^=\d]+=\s*(\d+)[^=\d]+=\s*(\d+)/;
const RTT =
  /=\s*(\d+)\s*(?:ms|мсек|мс)[^=]+=\s*(\d+)\s*(?:ms|мсек|мс)[^=]+=\s*(\d+)\s*(?:ms|мсек|мс)/;
const PERCENT = /(?<![\d.])(\d+(?:\.\d+)?)\s*%/;
/** Local failures Windows prints once per request (not once per run). */
const PER_REQUEST_LOCAL = new Set(["no-route", "frag-needed", "other"]);
/** A tracert hop line: a TTL, then probe columns. Ping never prints one. */
const TRACERT_HOP = /^\d{1,3}\s+(?:<?\s*\d+\s*ms|\*)(?:\s|$)/;

/** Parses Windows ping output line by line. Never throws; `anchors` says what was recognised. */
export function parsePingWindows(text: string): PingLines {
  const out: PingLines = {
    flavor: "windows",
    target: null,
    address: null,
    payloadBytes: null,
    replies: [],
    timeouts: 0,
    errors: [],
    reported: null,
    rtt: null,
    anchors: 0,
    ordered: [],
  };
  const lines = text.split("\n").map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    // A trace is no ping output, though its timeouts and "reports:" lines read like ping's.
    if (TRACERT_HOP.test(lines[i])) return { ...out, anchors: 0 };
    if (lines[i] && readLine(lines[i], lines[i + 1] ?? "", out)) out.anchors++;
  }
  return out;
}

/** Reads one line into `out`; true when the line is one only ping prints. */
function readLine(line: string, next: string, out: PingLines): boolean {
  let m: RegExpMatchArray | null;
  if ((m = line.match(RTT))) {
    out.rtt = { minMs: Number(m[1]), maxMs: Number(m[2]), avgMs: Number(m[3]), stddevMs: null };
    return true;
  }
  const addr = firstAddress(line);
  if (!addr && (m = line.match(COUNTS))) {
    // Some languages put "(0% loss)" on the next line.
    const loss = line.match(PERCENT) ?? next.match(PERCENT);
    out.reported = {
      sent: Number(m[1]),
      received: Number(m[2]),
      duplicates: 0,
      lossPercent: loss ? Number(loss[1]) : null,
    };
    return true;
  }
  if (!addr) {
    if (isTimeoutText(line)) {
      out.timeouts++;
      out.ordered!.push(null);
      // "Request timed out." on a line of its own is ping's; tracert prints it after columns.
      return line.length <= 80 && !/\d/.test(line);
    }
    if (!isKnownLocalText(line)) return false;
    const kind = classifyLocal(line);
    out.errors.push({ kind, from: null, seq: null, mtu: quotedMtu(line), text: line });
    // "General failure." and the like stand for one request each; "could not find host" ends the run.
    if (PER_REQUEST_LOCAL.has(kind)) out.ordered!.push(null);
    // "Ping request could not find host", "PING: transmit failed", "Usage: ping": about ping.
    return /ping/i.test(line);
  }
  const rest = line.slice(addr.end);
  if ((m = rest.match(TIME))) {
    const ttl = rest.match(/TTL=(\d+)/i);
    out.replies.push({
      seq: null,
      from: addr.address,
      // "<1ms" counts as 0, as Windows' own summary does ("Minimum = 0ms").
      rttMs: m[1] === "<" ? 0 : Number(m[2]),
      ttl: ttl ? Number(ttl[1]) : null,
      duplicate: false,
      ...(m[1] === "<" ? { lessThan: true as const } : {}),
    });
    out.ordered!.push(m[1] === "<" ? 0 : Number(m[2]));
    return true;
  }
  // "Reply from X: Destination host unreachable." in any language: text after a colon.
  const colon = addr.colon ? -1 : rest.search(/[:：]\s/);
  const message = (addr.colon ? rest : colon >= 0 ? rest.slice(colon + 1) : "").trim();
  if (message) {
    const kind = classifyRemote(message);
    out.errors.push({ kind, from: addr.address, seq: null, mtu: quotedMtu(message), text: line });
    out.ordered!.push(null);
    return kind !== "other";
  }
  // "Pinging x [addr] with 32 bytes of data:" in any language: an address, the size, a colon.
  const header = /[:：]$/.test(line) && /\d/.test(line.slice(addr.end));
  if (header && !out.address && out.replies.length === 0 && out.timeouts === 0) {
    readHeader(line, out);
  }
  return header;
}

/** The first address token in a line, where it ends, and whether a colon closed it. */
function firstAddress(line: string): { address: string; end: number; colon: boolean } | null {
  // "[addr]" is matched on its own because Japanese glues text to it: "[192.0.2.1]に".
  for (const m of line.matchAll(/\[[^\][\s]+\]|[^\s[]+|\[/g)) {
    const address = addressToken(m[0]);
    if (address) {
      return { address, end: (m.index ?? 0) + m[0].length, colon: m[0].endsWith(":") };
    }
  }
  return null;
}

function readHeader(line: string, out: PingLines): void {
  const bracket = bracketedHost(line);
  out.target = bracket ? bracket.name : findAddresses(line)[0] ?? null;
  out.address = bracket?.address ?? out.target;
  const bare = line.split(/\s+/).filter((t) => !t.includes("[") && !addressToken(t)).join(" ");
  const size = [...bare.matchAll(/(?<![\d.:])(\d+)(?![\d.:])/g)].at(-1);
  out.payloadBytes = size ? Number(size[1]) : null;
}
