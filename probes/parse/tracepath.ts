/**
 * Parser for iputils tracepath (English or Japanese): one line per reply, several lines may
 * share a TTL, `no reply` for a silent hop, `pmtu N` where the path MTU drops, `asymm N`
 * when the answer came back over a different number of hops, `reached` at the target.
 *
 * @module
 */
import { addressToken } from "./address.ts";
import type { TraceHop, TraceResult } from "./traceroute_types.ts";

const HOP = /^(\d{1,3})(\??):\s+(\S.*)$/;
const RTT = /^(\d+\.\d+)(?:ms|ミリ秒)$/;
const REACHED = /^(?:reached|到達しました)$/;
const NO_REPLY = /^(?:no reply|応答なし)$/;

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
    if (!line) continue;
    const m = line.match(HOP);
    if (!m) {
      // "Resume: pmtu 1500 hops 2 back 2", "要約: …", "Too many hops: pmtu 1500".
      const pmtu = line.match(/(?:^|\s)pmtu (\d+)/);
      if (pmtu && /:/.test(line)) {
        out.pmtu = Number(pmtu[1]);
        out.complete = true;
      } else out.messages.push(line);
      continue;
    }
    const rest = m[3];
    if (rest.startsWith("[LOCALHOST]")) {
      const pmtu = rest.match(/\spmtu (\d+)/); // the local pmtu; later hops may lower it
      if (pmtu) out.pmtu = Number(pmtu[1]);
      continue;
    }
    readReply(hopFor(out.hops, Number(m[1])), rest, out);
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

/**
 * One reply: `host [(other form)] [RTT] [asymm N | pmtu N | reached | !H …]`, where the host
 * is an address (`-n`), a name or `???`, and `-b` adds the other form in parentheses.
 */
function readReply(hop: TraceHop, rest: string, out: TraceResult): void {
  if (NO_REPLY.test(rest)) {
    hop.probes.push({ address: null, name: null, rttMs: null, annotation: null });
    return;
  }
  const tokens = rest.split(/\s+/);
  // The longest reply is "host (other) 1.234ms asymm 2 pmtu 1500" or "… reached": more
  // words than that are not a reply.
  if (tokens.length > 8) {
    hop.note = rest.slice(0, 200);
    return;
  }
  let i = 1;
  let other: string | null = null;
  if (/^\(\S+\)$/.test(tokens[1] ?? "")) {
    other = tokens[1].slice(1, -1);
    i = 2;
  }
  let rttMs: number | null = null;
  let annotation: string | null = null;
  let reached = false;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    const rtt = t.match(RTT);
    if (rtt && rttMs === null) rttMs = Number(rtt[1]);
    else if (REACHED.test(t)) reached = true;
    else if (/^![A-Z]?$/.test(t)) annotation = t;
    else if (t === "pmtu" && /^\d+$/.test(tokens[i + 1] ?? "")) out.pmtu = Number(tokens[++i]);
    else if (t === "asymm" && /^\d+$/.test(tokens[i + 1] ?? "")) i++;
    else if (rttMs === null) {
      hop.note = rest; // not a reply: "send failed", "reply received 8)"
      return;
    }
  }
  if (rttMs === null && annotation === null) {
    hop.note = rest;
    return;
  }
  const first = tokens[0];
  const address = addressToken(first) ?? (other !== null ? addressToken(other) : null);
  const name = [first, other].find((n) => n !== null && n !== "???" && !addressToken(n)) ?? null;
  hop.probes.push({ address, name, rttMs, annotation });
  if (reached) out.reached = true;
}
