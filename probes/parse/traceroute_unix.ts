/**
 * Parser for Linux traceroute (Butskoy) and macOS/BSD traceroute and traceroute6: one
 * line per TTL, each probe a time in ms, `*`, or an annotation such as `!H`.
 *
 * @module
 */
import { addressToken } from "./address.ts";
import type { TraceHop, TraceProbe, TraceResult } from "./traceroute_types.ts";

const HEADER = /^traceroute6?\s+to\s+(\S+)\s+\(([^)]+)\)(?:\s+from\s+\S+)?,\s+(\d+)\s+hops? max/;

/** Parses traceroute output; the caller decides whether anything was recognised. */
export function parseTracerouteUnix(text: string): TraceResult {
  const out: TraceResult = {
    tool: "traceroute",
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
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    let m: RegExpMatchArray | null;
    if ((m = line.match(HEADER))) {
      out.target = m[1];
      out.address = addressToken(m[2]) ?? m[2];
      out.maxHops = Number(m[3]);
    } else if ((m = line.match(/^(\d+)\s+(.*)$/))) {
      out.hops.push(readHop(Number(m[1]), m[2]));
    } else if (line) {
      out.messages.push(line);
    }
  }
  const last = out.hops.at(-1);
  out.reached = !!last && last.probes.some((p) => p.address === out.address && p.rttMs !== null);
  out.complete = !!last && (out.reached || last.ttl === out.maxHops ||
    last.probes.some((p) => p.annotation !== null));
  return out;
}

function readHop(ttl: number, rest: string): TraceHop {
  const probes: TraceProbe[] = [];
  let address: string | null = null;
  let name: string | null = null;
  const tokens = rest.split(/\s+/);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const time = t.match(/^(\d+(?:\.\d+)?)(ms)?$/);
    if (t === "*") {
      probes.push({ address: null, name: null, rttMs: null, annotation: null });
    } else if (time && (time[2] || tokens[i + 1] === "ms")) {
      probes.push({ address, name, rttMs: Number(time[1]), annotation: null });
      if (!time[2]) i++;
    } else if (t.startsWith("!")) {
      const last = probes.at(-1);
      if (last) last.annotation = t;
    } else if (t.startsWith("(") && addressToken(t)) {
      address = addressToken(t);
    } else if (!t.startsWith("<")) {
      // A new responder: a bare address (-n) or a name followed by "(address)".
      address = addressToken(t);
      name = address ? null : t;
    }
  }
  return { ttl, probes, note: null };
}
