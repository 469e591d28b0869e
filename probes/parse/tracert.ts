/**
 * Parser for Windows `tracert` in any display language, with the one-line header of
 * Windows 10/11 or the two-line header of older versions. Each hop line has up to three
 * probe columns (`<1 ms`, `12 ms`, `*`) and then the responder, a timeout message, or
 * "addr reports: Destination host unreachable."
 *
 * Everything here runs in time linear in the line: brackets are found with `indexOf` and
 * lines are read token by token, never with a pattern that backtracks over a long run.
 *
 * @module
 */
import { addressToken, bracketedHost, findAddresses } from "./address.ts";
import { classifyRemote, isTimeoutText } from "./icmp_text.ts";
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
    if (!line) continue;
    const m = line.match(/^(\d{1,3})\s+(\S.*)$/);
    const hop = m ? readHop(Number(m[1]), m[2]) : null;
    if (hop) out.hops.push(hop);
    else if (DONE.test(line)) out.complete = true;
    // A pasted prompt ("C:\Users\x>tracert 8.8.8.8", yen signs on Japanese fonts) is no header.
    else if (!line.includes(">") && out.hops.length === 0) header.push(line);
    else out.messages.push(line);
  }
  readHeader(header, out);
  const last = out.hops.at(-1);
  out.reached = !!last && !!out.address &&
    last.probes.some((p) => p.address === out.address && p.rttMs !== null);
  return out;
}

function readHeader(lines: string[], out: TraceResult): void {
  const first = lines.findIndex((l) => bracketedHost(l) !== null || findAddresses(l).length > 0);
  if (first < 0) {
    out.messages = out.messages.concat(lines); // no spread: there may be a million lines
    return;
  }
  const bracket = bracketedHost(lines[first]);
  out.target = bracket ? bracket.name : findAddresses(lines[first])[0];
  out.address = bracket ? bracket.address : out.target;
  // The hop limit is the last plain number of the header once names and addresses are gone.
  const rest = lines.slice(first, first + 2).join(" ").split(/\s+/)
    .filter((t) => !t.includes("[") && !t.includes("]") && !addressToken(t)).join(" ");
  const n = [...rest.matchAll(/(?<![\w.:-])(\d+)(?![\w.:-])/g)].at(-1);
  out.maxHops = n ? Number(n[1]) : null;
  out.messages = out.messages.concat(lines.slice(0, first));
}

/** A hop line: one to three probe columns, then a responder or a message; null otherwise. */
function readHop(ttl: number, text: string): TraceHop | null {
  const columns: { rttMs: number | null; lessThan: boolean }[] = [];
  let rest = text;
  let m: RegExpMatchArray | null;
  while (columns.length < 3 && (m = rest.match(COLUMN))) {
    columns.push({ rttMs: m[2] === undefined ? null : Number(m[2]), lessThan: m[1] === "<" });
    rest = rest.slice(m[0].length);
  }
  if (columns.length === 0) return null;
  rest = rest.trim();
  const space = rest.indexOf(" ");
  const head = space < 0 ? rest : rest.slice(0, space);
  const after = space < 0 ? "" : rest.slice(space + 1).trim();
  let address: string | null = null;
  let name: string | null = null;
  let tail = "";
  const br = after.startsWith("[") || head.includes("[") ? bracketedHost(rest) : null;
  if (br && br.address) {
    address = br.address;
    name = br.name;
    tail = rest.slice(rest.indexOf("]") + 1).trim();
  } else if ((address = addressToken(head))) {
    tail = after;
  }
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
  if (!address) {
    // Without a responder a hop line has all three columns and at most a message about them.
    if (columns.length < 3 || columns.some((c) => c.rttMs !== null)) return null;
    if (rest && !isTimeoutText(rest) && classifyRemote(rest) === "other") return null;
  }
  return { ttl, probes, note: !address && rest ? rest : null };
}
