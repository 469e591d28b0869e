/**
 * Parser for iputils tracepath (English or Japanese): one line per reply, several lines may
 * share a TTL, `no reply` for a silent hop, `pmtu N` where the path MTU drops.
 *
 * @module
 */
import { addressToken } from "./address.ts";
import type { TraceHop, TraceResult } from "./traceroute_types.ts";

const RTT = /(\d+\.\d+)\s*(?:ms|ミリ秒)/;

/** Parses tracepath output; the caller decides whether anything was recognised. */
export function parseTracepath(text: string): TraceResult {
  const out: TraceResult = {
    tool: "tracepath",
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
    const pmtu = line.match(/pmtu\s+(\d+)/);
    if (pmtu) out.pmtu = Number(pmtu[1]);
    const m = line.match(/^(\d+)(\??):\s+(.*)$/);
    if (!m) {
      // "Resume: pmtu 1500 hops 2 back 2", "要約: …", "Too many hops: pmtu 1500".
      if (pmtu) out.complete = true;
      else if (line) out.messages.push(line);
      continue;
    }
    if (m[2] === "?") continue; // the [LOCALHOST] line: only its pmtu matters
    readProbe(hopFor(out.hops, Number(m[1])), m[3], out);
  }
  if (out.reached) {
    out.address = out.hops.at(-1)?.probes.findLast((p) => p.address)?.address ?? null;
  }
  return out;
}

function hopFor(hops: TraceHop[], ttl: number): TraceHop {
  let hop = hops.at(-1);
  if (!hop || hop.ttl !== ttl) hops.push(hop = { ttl, probes: [], note: null });
  return hop;
}

function readProbe(hop: TraceHop, rest: string, out: TraceResult): void {
  const rtt = rest.match(RTT);
  if (!rtt) {
    if (/no reply|応答なし/.test(rest)) {
      hop.probes.push({ address: null, name: null, rttMs: null, annotation: null });
    } else {
      hop.note = rest;
    }
    return;
  }
  const host = rest.slice(0, rtt.index).trim();
  const paren = host.match(/^(\S+)\s+\(([^)]+)\)$/);
  const address = addressToken(paren ? paren[2] : host);
  const name = paren ? paren[1] : address ? null : host;
  hop.probes.push({
    address,
    name: name === "???" ? null : name,
    rttMs: Number(rtt[1]),
    annotation: null,
  });
  if (/reached|到達しました/.test(rest)) out.reached = true;
}
