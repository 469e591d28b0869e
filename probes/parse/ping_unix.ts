/**
 * Line parser for Unix ping: Linux iputils (any translation), busybox, macOS and the BSDs.
 * Used through {@link parsePing} in `ping.ts`. Every pattern here is anchored, or can only
 * start at the beginning of a run (a look-behind), so a line costs time linear in its length.
 *
 * @module
 */
import { findAddresses } from "./address.ts";
import { classifyLocal, classifyRemote, isTimeoutText, quotedMtu } from "./icmp_text.ts";
import type { Platform } from "../types.ts";
import type { PingFlavor, PingLines } from "./ping_types.ts";

const HEADER = /^PING\s+([^\s(]+)\s*\(((?:[^()]|\([^()]*\))*)\)\s*:?\s*(\d+)?/;
const HEADER_BSD6 = /^PING6\((?:\d+=\d+\+\d+\+(\d+))?[^)]*\)\s+\S+\s+-->\s+(\S+)/;
const STATS_HEADER = /^(?:\^C)?-{3}\s*(\S+)\s.*-{3}$/;
const SUMMARY_RTT =
  /=\s*(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)(?:\/(\d+(?:\.\d+)?|nan))?\s*(?:ms|ミリ秒)/;
const TIME = /\s[^\s=]+=(\d+(?:\.\d+)?)\s?(?:ms|ミリ秒)(?!\p{L})/u;
const SEQ = /\b(?:icmp_seq|seq)=(\d+)/;
const SEQ_ANY = /icmp_seq[= ](\d+)/;
const TTL = /\b(?:ttl|hlim)=(\d+)/i;
const DUP = /\((?:DUP!|重複!)\)/;
const HEX_DUMP = /^(?:Vr HL TOS|[0-9a-f]\s+[0-9a-f]\s+[0-9a-f]{2}\s+[0-9a-f]{4}\s)/i;
/** BSD prints ICMP errors as "92 bytes from 192.0.2.1: Destination Host Unreachable". */
const BSD_ERROR = /^\d+ bytes from (\S+?):?\s+(\D.*)$/;

/** Parses Unix ping output line by line. Never throws; `anchors` says what was recognised. */
export function parsePingUnix(text: string, os?: Platform): PingLines {
  const out: PingLines = {
    flavor: unixFlavor(text, os),
    target: null,
    address: null,
    payloadBytes: null,
    replies: [],
    timeouts: 0,
    errors: [],
    reported: null,
    rtt: null,
    anchors: 0,
  };
  let inStats = false;
  for (const raw of text.split("\n")) {
    // `ping -D` prefixes each line with a [unix time]; pasted output is often indented.
    const line = raw.trim().replace(/^\[\d+\.\d+\]\s*/, "");
    if (!line) continue;
    if (readLine(line, out, inStats)) out.anchors++;
    if (STATS_HEADER.test(line)) inStats = true;
  }
  return out;
}

/** Reads one line into `out`; true when the line is one only ping prints. */
function readLine(line: string, out: PingLines, inStats: boolean): boolean {
  let m: RegExpMatchArray | null;
  if ((m = line.match(HEADER_BSD6))) {
    out.address = m[2];
    out.payloadBytes = m[1] ? Number(m[1]) : null;
    return true;
  }
  if ((m = line.match(HEADER))) {
    out.target = m[1];
    out.address = findAddresses(m[2]).at(-1) ?? m[2];
    out.payloadBytes = m[3] ? Number(m[3]) : null;
    return true;
  }
  if ((m = line.match(STATS_HEADER))) {
    out.target ??= m[1];
    return true;
  }
  if ((m = line.match(SUMMARY_RTT))) {
    out.rtt = {
      minMs: Number(m[1]),
      avgMs: Number(m[2]),
      maxMs: Number(m[3]),
      stddevMs: m[4] && m[4] !== "nan" ? Number(m[4]) : null,
    };
    return true;
  }
  const counts = (inStats && /\d/.test(line)) || /packets transmitted|送信パケット数/.test(line);
  if (counts && !out.reported && readCounts(line, out)) return true;
  if (HEX_DUMP.test(line)) return false;
  if ((m = line.match(TIME))) return readReply(line, Number(m[1]), out);
  if (isTimeoutText(line) && SEQ_ANY.test(line)) {
    out.timeouts++;
    return true;
  }
  // iputils names itself as invoked: "ping:", or "/usr/bin/ping:" when run by its path.
  if ((m = line.match(/^(?:\S*\/)?ping6?:\s*(.+)$/i))) {
    const kind = classifyLocal(m[1]);
    out.errors.push({ kind, from: null, seq: null, mtu: quotedMtu(m[1]), text: line });
    return true;
  }
  const seq = line.match(SEQ);
  const bsdError = seq ? null : line.match(BSD_ERROR);
  if (seq || bsdError) {
    const message = seq ? line.slice((seq.index ?? 0) + seq[0].length).trim() : bsdError![2];
    out.errors.push({
      kind: classifyRemote(message),
      from: findAddresses(seq ? line.slice(0, seq.index) : bsdError![1])[0] ?? null,
      seq: seq ? Number(seq[1]) : null,
      mtu: quotedMtu(message),
      text: line,
    });
    return true;
  }
  return false;
}

/** A reply; it marks the text as ping output only with a sequence number or a TTL. */
function readReply(line: string, rttMs: number, out: PingLines): boolean {
  const seq = line.match(SEQ);
  const ttl = line.match(TTL);
  const cut = seq?.index ?? line.search(TIME);
  out.replies.push({
    seq: seq ? Number(seq[1]) : null,
    from: findAddresses(line.slice(0, cut)).at(-1) ?? null,
    rttMs,
    ttl: ttl ? Number(ttl[1]) : null,
    duplicate: DUP.test(line),
  });
  return seq !== null || ttl !== null;
}

function readCounts(line: string, out: PingLines): boolean {
  // Bare integers, skipping "+N errors" and "N%": the first two are sent and received in
  // every language iputils, busybox and BSD ping are translated into.
  const ints = [...line.matchAll(/(?<![+\d.])(\d+)(?![\d.%])/g)].map((m) => Number(m[1]));
  if (ints.length < 2) return false;
  const loss = line.match(/(?<![\d.])(\d+(?:\.\d+)?)\s*%/);
  const dups = line.match(/(?<!\d)\+?(\d+)\s*(?:duplicates?|重複)/);
  out.reported = {
    sent: ints[0],
    received: ints[1],
    duplicates: dups ? Number(dups[1]) : 0,
    lossPercent: loss ? Number(loss[1]) : null,
  };
  return true;
}

/** Tells iputils, busybox and BSD ping apart by the small differences in their wording. */
function unixFlavor(text: string, os?: Platform): PingFlavor {
  if (/(?:^|\s)seq=\d+/m.test(text) || /round-trip min\/avg\/max =/.test(text)) return "busybox";
  if (
    /(?<!\d)\d+\(\d+\)\s+(?:bytes of data|バイトのデータ)|^PING \S+?\(|rtt |no answer yet|(?<!\d)\d+ received/m
      .test(text)
  ) return "iputils";
  // Nothing tells them apart (e.g. only an error line): go by the OS when it is known.
  return os === "linux" ? "iputils" : "bsd";
}
