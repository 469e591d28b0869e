/**
 * Parser for Windows `tracert` in any display language, with the one-line header of
 * Windows 10/11 or the two-line header of older versions. Each hop line has up to three
 * probe columns (`<1 ms`, `12 ms`, `*`) and then the responder, a timeout message, or
 * "addr reports: Destination host unreachable."
 *
 * @module
 */
import { addressToken, findAddresses } from "./address.ts";
import { isTimeoutText } from "./icmp_text.ts";
import type { TraceHop, TraceProbe, TraceResult } from "./traceroute_types.ts";

const COLUMN = /^(?:(<)?\s*(\d+)\s*ms|\*)(?:\s+|$)/;
const DONE =
  /trace complete|トレースを完了しました|ablaufverfolgung beendet|itinéraire déterminé|追蹤完成|跟踪完成/i;

/** Parses tracert output; the caller decides whether anything was recognised. */
export function parseTracert(text: string): TraceResult {
  const out: TraceResult = {
    tool: "tracert",
    target: null,
    address: null,
    family: null,
    maxHops: null,
    pmtu: null,
    hops: [],
    reached: false,
    complete: false,
    messages: [],
  };
  const header: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const m = line.match(/^(\d+)\s+(.*)$/);
    if (m) out.hops.push(readHop(Number(m[1]), m[2]));
    else if (DONE.test(line)) out.complete = true;
    // A pasted prompt ("C:\Users\x>tracert 8.8.8.8", yen signs on Japanese fonts) is no header.
    else if (line && !line.includes(">") && out.hops.length === 0) header.push(line);
    else if (line) out.messages.push(line);
  }
  readHeader(header, out);
  const last = out.hops.at(-1);
  out.reached = !!last && !!out.address &&
    last.probes.some((p) => p.address === out.address && p.rttMs !== null);
  return out;
}

function readHeader(lines: string[], out: TraceResult): void {
  const first = lines.findIndex((l) => /\[[^\]]+\]/.test(l) || findAddresses(l).length > 0);
  if (first < 0) {
    out.messages.push(...lines);
    return;
  }
  const bracket = lines[first].match(/(\S+)\s*\[([^\]]+)\]/);
  out.target = bracket ? bracket[1] : findAddresses(lines[first])[0];
  out.address = bracket ? addressToken(bracket[2]) : out.target;
  // The hop limit is the last plain number of the header once names and addresses are gone.
  const rest = lines.slice(first, first + 2).join(" ")
    .replace(/\S*\[[^\]]*\]/g, " ").split(/\s+/).filter((t) => !addressToken(t)).join(" ");
  const n = [...rest.matchAll(/(?<![\w.:-])(\d+)(?![\w.:-])/g)].at(-1);
  out.maxHops = n ? Number(n[1]) : null;
  out.messages.push(...lines.slice(0, first));
}

function readHop(ttl: number, text: string): TraceHop {
  const columns: { rttMs: number | null; lessThan: boolean }[] = [];
  let rest = text;
  let m: RegExpMatchArray | null;
  while (columns.length < 3 && (m = rest.match(COLUMN))) {
    columns.push({ rttMs: m[2] === undefined ? null : Number(m[2]), lessThan: m[1] === "<" });
    rest = rest.slice(m[0].length);
  }
  rest = rest.trim();
  const host = rest.match(/^(\S+)\s*\[([^\]]+)\]\s*(.*)$/);
  const bare = host ? null : rest.match(/^(\S+)\s*(.*)$/);
  const address = host ? addressToken(host[2]) : bare ? addressToken(bare[1]) : null;
  const name = host ? host[1] : null;
  const tail = (host ? host[3] : address && bare ? bare[2] : "").trim();
  const probes: TraceProbe[] = columns.map((c) => ({
    address: c.rttMs === null ? null : address,
    name: c.rttMs === null ? null : name,
    // "<1 ms" counts as 0, as tracert's sibling ping does in its summary.
    rttMs: c.lessThan ? 0 : c.rttMs,
    annotation: null,
    ...(c.lessThan ? { lessThan: true as const } : {}),
  }));
  // "192.0.2.1  reports: Destination host unreachable." answers one more probe.
  if (address && tail) probes.push({ address, name, rttMs: null, annotation: tail });
  const note = !address && rest && (isTimeoutText(rest) || columns.length) ? rest : null;
  return { ttl, probes, note };
}
