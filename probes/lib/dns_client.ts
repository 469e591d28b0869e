/**
 * A DNS client that speaks to one server on the wire, so the answer's response code
 * (NOERROR, NXDOMAIN, SERVFAIL, REFUSED), its flags (TC, AD, RA) and the records of each
 * type are evidence. `Deno.resolveDns` reports NXDOMAIN, NODATA, SERVFAIL and REFUSED alike
 * ("no records found"), which hides exactly the faults a provider's resolver has.
 *
 * The query goes over UDP first and is sent again once if nothing came back by half the
 * deadline (a stub resolver retries too, and one lost datagram is not a dead server); an
 * answer with TC set is asked again over TCP (RFC 7766 §5); a FORMERR or NOTIMP to a query
 * with EDNS is asked again without it (RFC 6891 §7). Answers whose id or question do not
 * match the query are ignored, as a resolver library would.
 *
 * @module
 */
import { createSocket } from "node:dgram";
import { connect } from "node:net";
import { ipFamily, stripIp } from "../../util/ip_scope.ts";
import { decodeAnswer, type DnsAnswer, encodeQuery, type QueryType } from "./dns_message.ts";

/** A server to ask. */
export interface DnsServer {
  address: string;
  port: number;
}

/** The outcome of one query: an answer, or why none came. */
export interface DnsQueryResult {
  /** The answer's code, or null when no answer arrived. */
  rcode: string | null;
  flags: DnsAnswer["flags"] | null;
  addresses: string[];
  cnames: string[];
  ttl: number | null;
  /** From the first datagram sent (or the TCP connect begun) to the answer or to giving up, ms. */
  ms: number;
  /** How the answer came: `udp`, or `tcp` after a truncated UDP answer. */
  transport: "udp" | "tcp";
  /** True when the UDP answer was truncated (TC) and TCP was asked. */
  truncated: boolean;
  /** UDP datagrams sent: 1, or 2 when the first went unanswered; 0 over TCP only. */
  sends: number;
  /** Why no answer came: `timeout`, `connection-refused`, `unreachable`, `aborted`, or the error. */
  error?: string;
}

/** Options of {@link queryDns}. */
export interface DnsQueryOptions {
  /** Give up after this long, all tries included. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Ask over TCP straight away. */
  tcp?: boolean;
}

/**
 * Asks `server` for the `type` records of `name`. Never throws. Requires `--allow-net`.
 *
 * @example
 * ```ts ignore
 * const r = await queryDns("example.com", "AAAA", { address: "192.0.2.53", port: 53 }, {
 *   timeoutMs: 2000,
 * });
 * r.rcode; // "SERVFAIL", say, where Deno.resolveDns would say "no records"
 * ```
 */
export async function queryDns(
  name: string,
  type: QueryType,
  server: DnsServer,
  opts: DnsQueryOptions,
): Promise<DnsQueryResult> {
  // The clock starts when the first query goes out (not when the socket was being made), so
  // a busy event loop before that is not counted as the server's time.
  const counter = { sends: 0, sentAt: null as number | null };
  const since = () =>
    Math.round((performance.now() - (counter.sentAt ?? performance.now())) * 10) / 10;
  const deadline = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, deadline]) : deadline;
  const ask = (tcp: boolean, edns: boolean) => {
    const id = crypto.getRandomValues(new Uint16Array(1))[0];
    const query = encodeQuery(id, name, type, { edns });
    const check = (a: DnsAnswer) =>
      a.id === id && (!a.question || (a.question.name === norm(name) && a.question.type === type));
    return tcp
      ? overTcp(query, server, signal, counter).then((b) => match(b, type, check))
      : overUdp(query, server, signal, opts.timeoutMs / 2, counter, (b) => match(b, type, check));
  };
  let tcp = opts.tcp === true;
  try {
    let a = await ask(tcp, true);
    let truncated = false;
    if (!tcp && a.flags.tc) {
      truncated = true;
      tcp = true;
      a = await ask(true, true);
    }
    if (a.rcode === "FORMERR" || a.rcode === "NOTIMP") a = await ask(tcp, false);
    return {
      rcode: a.rcode,
      flags: a.flags,
      addresses: a.addresses,
      cnames: a.cnames,
      ttl: a.ttl,
      ms: since(),
      transport: tcp ? "tcp" : "udp",
      truncated,
      sends: counter.sends,
    };
  } catch (e) {
    const error = deadline.aborted ? "timeout" : signal.aborted ? "aborted" : describe(e);
    return {
      rcode: null,
      flags: null,
      addresses: [],
      cnames: [],
      ttl: null,
      ms: since(),
      transport: tcp ? "tcp" : "udp",
      truncated: false,
      sends: counter.sends,
      error,
    };
  }
}

function match(bytes: Uint8Array, type: QueryType, check: (a: DnsAnswer) => boolean) {
  const a = decodeAnswer(bytes, type);
  if (!check(a)) throw new MismatchError();
  return a;
}

class MismatchError extends Error {}

/** Sends over UDP (once more after `resendMs`), resolves with the first matching answer. */
function overUdp(
  query: Uint8Array,
  server: DnsServer,
  signal: AbortSignal,
  resendMs: number,
  counter: { sends: number; sentAt: number | null },
  accept: (b: Uint8Array) => DnsAnswer,
): Promise<DnsAnswer> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(ipFamily(server.address) === 6 ? "udp6" : "udp4");
    let timer: ReturnType<typeof setTimeout> | undefined;
    let finished = false;
    const done = (f: () => void) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      try {
        socket.close();
      } catch { /* already closed */ }
      f();
    };
    const onAbort = () => done(() => reject(signal.reason));
    const send = () => {
      counter.sends++;
      counter.sentAt ??= performance.now();
      socket.send(query);
    };
    socket.on("message", (msg: Uint8Array) => {
      try {
        const answer = accept(msg);
        done(() => resolve(answer));
      } catch { /* not ours, or garbled: keep waiting, as a stub resolver does */ }
    });
    socket.on("error", (e: Error) => done(() => reject(e)));
    signal.addEventListener("abort", onAbort, { once: true });
    // Connected: only the server's datagrams reach this socket.
    socket.connect(server.port, stripIp(server.address), () => {
      send();
      timer = setTimeout(send, resendMs);
    });
  });
}

/** Sends over TCP with the two-byte length prefix and reads one whole answer. */
function overTcp(
  query: Uint8Array,
  server: DnsServer,
  signal: AbortSignal,
  counter: { sentAt: number | null },
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // Over TCP the handshake is part of the lookup's cost: the clock starts with the connect.
    counter.sentAt ??= performance.now();
    const s = connect({ host: stripIp(server.address), port: server.port });
    let buf = new Uint8Array(0);
    let finished = false;
    const done = (f: () => void) => {
      if (finished) return;
      finished = true;
      signal.removeEventListener("abort", onAbort);
      s.destroy();
      f();
    };
    const onAbort = () => done(() => reject(signal.reason));
    signal.addEventListener("abort", onAbort, { once: true });
    s.on("connect", () => {
      const framed = new Uint8Array(query.length + 2);
      new DataView(framed.buffer).setUint16(0, query.length);
      framed.set(query, 2);
      s.write(framed);
    });
    s.on("data", (chunk: Uint8Array) => {
      const next = new Uint8Array(buf.length + chunk.length);
      next.set(buf);
      next.set(chunk, buf.length);
      buf = next;
      if (buf.length < 2) return;
      const len = new DataView(buf.buffer).getUint16(0);
      if (buf.length >= len + 2) done(() => resolve(buf.slice(2, len + 2)));
    });
    s.on("error", (e: Error) => done(() => reject(e)));
    s.on("close", () => done(() => reject(new Error("connection closed before an answer"))));
  });
}

function describe(e: unknown): string {
  const code = (e as { code?: string }).code;
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof MismatchError) return "mismatched answer";
  // Over TCP; Deno's UDP sockets do not report ICMP port-unreachable (a closed port times out).
  if (code === "ECONNREFUSED") return "connection-refused";
  if (code === "ENETUNREACH" || code === "EHOSTUNREACH" || /unreachable/i.test(msg)) {
    return "unreachable";
  }
  return msg.replace(/\s*\(os error \d+\)$/, "").slice(0, 200);
}

function norm(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}
