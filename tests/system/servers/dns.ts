/**
 * A DNS responder for the fault-injection topology: answers A and AAAA for a fixed zone on
 * UDP port 53 of the given addresses, and misbehaves on command the way real resolvers do
 * (silent, slow, SERVFAIL, REFUSED, NXDOMAIN for names that exist, a sinkhole address).
 *
 * @module
 */
import dns2 from "dns2";
import { createSocket, type Socket } from "node:dgram";
import { isIPv6 } from "node:net";

const { Packet } = dns2;

/** One name's records. */
export interface ZoneEntry {
  a?: string[];
  aaaa?: string[];
}

/** How the responder behaves; `normal` unless a fault says otherwise. */
export type DnsMode =
  | { mode: "normal" }
  | { mode: "silent" }
  | { mode: "slow"; delayMs: number }
  | { mode: "servfail" }
  | { mode: "refused" }
  | { mode: "nxdomain" }
  | { mode: "sinkhole"; address: string };

/** A running responder. */
export interface DnsResponder {
  setMode(mode: DnsMode): void;
  close(): Promise<void>;
}

/** Starts the responder on `addresses` (port 53 unless `port` is given). */
export async function startDns(
  addresses: readonly string[],
  zone: Readonly<Record<string, ZoneEntry>>,
  port = 53,
): Promise<DnsResponder> {
  let mode: DnsMode = { mode: "normal" };
  const sockets: Socket[] = [];
  for (const address of addresses) {
    const socket = createSocket(isIPv6(address) ? "udp6" : "udp4");
    socket.on("message", (msg: Uint8Array, rinfo: { address: string; port: number }) => {
      const reply = answer(msg, zone, mode);
      if (!reply) return;
      const send = () => socket.send(reply, rinfo.port, rinfo.address);
      if (mode.mode === "slow") setTimeout(send, mode.delayMs);
      else send();
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("error", reject);
      socket.bind(port, address, () => resolve());
    });
    sockets.push(socket);
  }
  return {
    setMode(m) {
      mode = m;
    },
    async close() {
      await Promise.all(sockets.map((s) => new Promise<void>((r) => s.close(() => r()))));
    },
  };
}

/** Builds the reply to one query, or null to stay silent. Pure apart from parsing. */
function answer(
  msg: Uint8Array,
  zone: Readonly<Record<string, ZoneEntry>>,
  mode: DnsMode,
): Uint8Array | null {
  if (mode.mode === "silent") return null;
  let request: dns2.Packet;
  try {
    request = Packet.parse(msg as never);
  } catch {
    return null;
  }
  const response = Packet.createResponseFromRequest(request);
  response.header.ra = 1;
  const [q] = request.questions;
  if (!q) return null;
  const name = q.name.toLowerCase().replace(/\.$/, "");
  const entry = zone[name];
  if (mode.mode === "servfail" || mode.mode === "refused") {
    response.header.rcode = mode.mode === "servfail" ? Packet.RCODE.SERVFAIL : Packet.RCODE.REFUSED;
    return response.toBuffer();
  }
  if (!entry || mode.mode === "nxdomain") {
    response.header.rcode = Packet.RCODE.NXDOMAIN;
    return response.toBuffer();
  }
  // Short TTLs: a fault injected after a lookup must show in the next one.
  const record = (type: number, address: string) =>
    Object.assign(new Packet.Resource(q.name, type, Packet.CLASS.IN, 1), { address });
  if (q.type === Packet.TYPE.A) {
    const list = mode.mode === "sinkhole" ? [mode.address] : entry.a ?? [];
    for (const a of list) response.answers.push(record(Packet.TYPE.A, a));
  } else if (q.type === Packet.TYPE.AAAA && mode.mode !== "sinkhole") {
    for (const a of entry.aaaa ?? []) response.answers.push(record(Packet.TYPE.AAAA, a));
  }
  return response.toBuffer();
}
