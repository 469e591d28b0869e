/**
 * Parser for Linux traceroute (Butskoy) and macOS/BSD traceroute and traceroute6: one line
 * per TTL, each probe a time in ms, `*`, or an annotation such as `!H`. Several routers may
 * answer one TTL (load balancing): Linux prints them on the TTL's line, BSD starts an
 * indented line for each new responder. AS lookups (`-A` on Linux, `-a` on BSD) print the
 * AS in brackets after (Linux) or before (BSD) the address.
 *
 * @module
 */
import { addressToken } from "./address.ts";
import type { TraceProbe, TraceResult } from "./traceroute_types.ts";

const HEADER = /^traceroute6?\s+to\s+(\S+)\s+\(([^)\s]+)\)(?:\s+from\s+\S+)?,\s+(\d+)\s+hops? max/;
const TIME = /^(\d+(?:\.\d+)?)(ms)?$/;

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
    if (!line) continue;
    let m: RegExpMatchArray | null;
    if ((m = line.match(HEADER))) {
      out.target = m[1];
      out.address = addressToken(m[2]) ?? m[2];
      out.maxHops = Number(m[3]);
      continue;
    }
    const ttl = line.match(/^(\d{1,3})\s+(\S.*)$/);
    const hopProbes = ttl ? readProbes(ttl[2]) : null;
    if (ttl && hopProbes) {
      out.hops.push({ ttl: Number(ttl[1]), probes: hopProbes, note: null });
      continue;
    }
    // BSD: a second router answering the same TTL gets an indented line of its own.
    const more = out.hops.length > 0 && /^\s/.test(raw) ? readProbes(line, true) : null;
    if (more) out.hops.at(-1)!.probes.push(...more);
    else out.messages.push(line);
  }
  const last = out.hops.at(-1);
  out.reached = !!last && last.probes.some((p) => p.address === out.address && p.rttMs !== null);
  out.complete = !!last && (out.reached || last.ttl === out.maxHops ||
    last.probes.some((p) => p.annotation !== null));
  return out;
}

/**
 * The probes of one line after its TTL, or null when the line is not made of responders,
 * times, `*`, annotations and AS brackets only. A continuation line must start with a
 * responder.
 */
function readProbes(rest: string, continuation = false): TraceProbe[] | null {
  const probes: TraceProbe[] = [];
  let address: string | null = null;
  let name: string | null = null;
  let as: string | null = null;
  let pendingAs: string | null = null;
  /** A name printed without its "(address)" yet. */
  let needsParen = false;
  let afterResponder = false;
  const tokens = rest.split(/\s+/);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const time = t.match(TIME);
    if (needsParen) {
      // "name (address)"; macOS prints "Internal (Internal)" for a name it cannot place.
      if (!/^\(\S+\)$/.test(t)) return null;
      address = addressToken(t);
      needsParen = false;
      afterResponder = true;
      continue;
    }
    if (continuation && i === 0 && t !== "*" && (time || t.startsWith("!"))) return null;
    if (t === "*") {
      probes.push({ address: null, name: null, rttMs: null, annotation: null });
    } else if (time && (time[2] || tokens[i + 1] === "ms")) {
      if (address === null && name === null) return null; // a time before any responder
      probes.push({ address, name, rttMs: Number(time[1]), annotation: null, ...asOf(as) });
      if (!time[2]) i++;
    } else if (t.startsWith("!")) {
      const last = probes.at(-1);
      if (!last) return null;
      last.annotation = t;
    } else if (/^\[[^\]]*\]$/.test(t)) {
      // "[AS64500]", or "[*]" / "[!!]" when the lookup failed.
      const value = t.slice(1, -1);
      if (afterResponder) as = value;
      else pendingAs = value;
    } else if (t.startsWith("<") && t.endsWith(">")) {
      // "<MPLS:L=…>" extensions (-e): not a responder.
    } else if (afterResponder && /^\(\S+\)$/.test(t)) {
      // "192.0.2.1 (192.0.2.1)": BSD prints an unresolved name as the address itself.
      address = addressToken(t) ?? address;
      continue;
    } else {
      const a = addressToken(t);
      if (!a && !/^[\w.:%-]/.test(t)) return null;
      address = a;
      name = a ? null : t;
      needsParen = !a;
      as = pendingAs;
      pendingAs = null;
      afterResponder = !needsParen;
      continue;
    }
    afterResponder = false;
  }
  if (needsParen || probes.length === 0) return null;
  if (continuation && (probes[0].address === null && probes[0].name === null)) return null;
  return probes;
}

function asOf(as: string | null): { as?: string } {
  return as && /^AS\d/.test(as) ? { as } : {};
}
