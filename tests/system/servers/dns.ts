/**
 * A DNS responder for the fault-injection topology: answers A and AAAA for a fixed zone on
 * UDP and TCP port 53 of the given addresses, and misbehaves on command the way real
 * resolvers do (silent, slow, SERVFAIL, REFUSED, NXDOMAIN for names that exist, a sinkhole
 * address, truncated UDP answers) — for every query, or only for some query types (a
 * resolver that fails AAAA lookups while A works).
 *
 * Encoded with `dns2`, a different library from the kit's client (`dns-packet`), so a
 * shared encoding mistake cannot hide itself.
 *
 * @module
 */
import dns2 from "dns2";
import { createSocket, type Socket } from "node:dgram";
import { createServer, type Server, type Socket as TcpSocket } from "node:net";
import { isIPv6 } from "node:net";
import { Buffer } from "node:buffer";

const { Packet } = dns2;

/** One name's records. */
export interface ZoneEntry {
  a?: string[];
  aaaa?: string[];
  /** Answers carry the AD bit (as from a validating resolver). */
  signed?: boolean;
}

/** Query types a fault can be limited to. */
export type FaultType = "A" | "AAAA";

/** How the responder behaves; `normal` unless a fault says otherwise. */
export type DnsMode =
  & (
    | { mode: "normal" }
    | { mode: "silent" }
    | { mode: "slow"; delayMs: number }
    | { mode: "servfail" }
    | { mode: "refused" }
    | { mode: "nxdomain" }
    | { mode: "sinkhole"; address: string }
    /** UDP answers are empty with TC set; TCP answers are whole. */
    | { mode: "truncate" }
  )
  & {
    /** Misbehave only for queries of these types; the rest are answered normally. */
    types?: FaultType[];
  };

/** A running responder. */
export interface DnsResponder {
  /** The port it listens on (UDP and TCP). */
  port: number;
  setMode(mode: DnsMode): void;
  close(): Promise<void>;
}

/**
 * Starts the responder on `addresses`, UDP and TCP, port 53 unless `port` is given (0: one
 * free port, the same for UDP and TCP, on a single address). Requires `--allow-net`.
 */
export async function startDns(
  addresses: readonly string[],
  zone: Readonly<Record<string, ZoneEntry>>,
  port = 53,
): Promise<DnsResponder> {
  let mode: DnsMode = { mode: "normal" };
  const sockets: Socket[] = [];
  const servers: Server[] = [];
  const conns = new Set<TcpSocket>();
  const onUdp = (socket: Socket) =>
    socket.on("message", (msg: Uint8Array, rinfo: { address: string; port: number }) => {
      const reply = answer(msg, zone, mode, "udp");
      if (!reply) return;
      const send = () => socket.send(reply.bytes, rinfo.port, rinfo.address);
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  const onTcp = (c: TcpSocket) => {
    conns.add(c);
    c.on("close", () => conns.delete(c));
    c.on("error", () => {});
    let buf: Uint8Array = new Uint8Array(0);
    c.on("data", (chunk: Uint8Array) => {
      buf = concat(buf, chunk);
      while (buf.length >= 2) {
        const len = (buf[0] << 8) | buf[1];
        if (buf.length < len + 2) return;
        const reply = answer(buf.slice(2, len + 2), zone, mode, "tcp");
        buf = buf.slice(len + 2);
        if (!reply) continue;
        const n = reply.bytes.length;
        const framed = concat(new Uint8Array([n >> 8, n & 255]), reply.bytes);
        if (reply.delayMs) setTimeout(() => c.write(framed), reply.delayMs);
        else c.write(framed);
      }
    });
  };
  for (const address of addresses) {
    // Port 0: a free UDP port, then TCP on the same number, again if TCP has it taken.
    for (let tries = 0;; tries++) {
      const socket = createSocket(isIPv6(address) ? "udp6" : "udp4");
      onUdp(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("error", reject);
        socket.bind(port, address, () => resolve());
      });
      const bound = socket.address().port;
      const server = createServer(onTcp);
      try {
        await new Promise<void>((resolve, reject) => {
          server.once("error", reject);
          server.listen(bound, address, () => resolve());
        });
      } catch (e) {
        await new Promise<void>((r) => socket.close(() => r()));
        if (port !== 0 || tries > 20) throw e;
        continue;
      }
      port = bound;
      sockets.push(socket);
      servers.push(server);
      break;
    }
  }
  return {
    port,
    setMode(m) {
      mode = m;
    },
    async close() {
      for (const c of conns) c.destroy();
      await Promise.all([
        ...sockets.map((s) => new Promise<void>((r) => s.close(() => r()))),
        ...servers.map((s) => new Promise<void>((r) => s.close(() => r()))),
      ]);
    },
  };
}

const TYPE_NAMES: Record<number, string> = { [Packet.TYPE.A]: "A", [Packet.TYPE.AAAA]: "AAAA" };

/** Builds the reply to one query, or null to stay silent. Pure apart from parsing. */
function answer(
  msg: Uint8Array,
  zone: Readonly<Record<string, ZoneEntry>>,
  fault: DnsMode,
  transport: "udp" | "tcp",
): { bytes: Uint8Array; delayMs?: number } | null {
  let request: dns2.Packet;
  try {
    request = Packet.parse(Buffer.from(msg) as never);
  } catch {
    return null;
  }
  const [q] = request.questions;
  if (!q) return null;
  // A fault limited to some query types leaves the others answered normally.
  const applies = !fault.types || fault.types.includes(TYPE_NAMES[q.type] as FaultType);
  const mode: DnsMode = applies ? fault : { mode: "normal" };
  if (mode.mode === "silent") return null;
  const response = Packet.createResponseFromRequest(request);
  response.header.ra = 1;
  const name = q.name.toLowerCase().replace(/\.$/, "");
  const entry = zone[name];
  const reply = (bytes: Uint8Array) =>
    mode.mode === "slow" ? { bytes, delayMs: mode.delayMs } : { bytes };
  if (mode.mode === "servfail" || mode.mode === "refused") {
    response.header.rcode = mode.mode === "servfail" ? Packet.RCODE.SERVFAIL : Packet.RCODE.REFUSED;
    return reply(response.toBuffer());
  }
  if (!entry || mode.mode === "nxdomain") {
    response.header.rcode = Packet.RCODE.NXDOMAIN;
    return reply(response.toBuffer());
  }
  if (mode.mode === "truncate" && transport === "udp") {
    response.header.tc = 1;
    return reply(response.toBuffer());
  }
  // dns2 writes the AD bit (RFC 4035 §3.2.3) but its types do not name it.
  if (entry.signed) Object.assign(response.header, { ad: 1 });
  // Short TTLs: a fault injected after a lookup must show in the next one.
  const record = (type: number, address: string) =>
    Object.assign(new Packet.Resource(q.name, type, Packet.CLASS.IN, 1), { address });
  if (q.type === Packet.TYPE.A) {
    const list = mode.mode === "sinkhole" ? [mode.address] : entry.a ?? [];
    for (const a of list) response.answers.push(record(Packet.TYPE.A, a));
  } else if (q.type === Packet.TYPE.AAAA && mode.mode !== "sinkhole") {
    for (const a of entry.aaaa ?? []) response.answers.push(record(Packet.TYPE.AAAA, a));
  }
  return reply(response.toBuffer());
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
