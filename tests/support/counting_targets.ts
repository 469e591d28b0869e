/**
 * Loopback targets that count every contact: a TCP listener, an HTTP server and a UDP
 * "DNS server" that never answers, on 127.0.0.1 and random ports, with a run config aimed
 * at them. Tests use the counts to prove that something sent no traffic at all (a dry run,
 * a refused run) — and, as a control, that a real run does.
 *
 * @module
 */
import { createSocket } from "node:dgram";

/** The running targets. */
export interface CountingTargets {
  /** A run config (JSON-ready) whose every target is one of these. */
  config: Record<string, unknown>;
  /** Contacts so far, by kind. */
  counts(): { tcp: number; http: number; dns: number };
  close(): Promise<void>;
}

/** Starts the targets. */
export async function startCountingTargets(): Promise<CountingTargets> {
  const n = { tcp: 0, http: 0, dns: 0 };
  const tcp = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const accepting = (async () => {
    for await (const c of tcp) {
      n.tcp++;
      c.close();
    }
  })().catch(() => {});
  const http = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, () => {
    n.http++;
    return new Response("counted");
  });
  const udp = createSocket("udp4");
  udp.on("message", () => void n.dns++);
  await new Promise<void>((resolve) => udp.bind(0, "127.0.0.1", resolve));
  const dnsPort = udp.address().port;
  const tcpPort = (tcp.addr as Deno.NetAddr).port;
  return {
    config: {
      schema: "kiriwake.config/v1",
      dns: {
        names: ["counted.kiriwake"],
        useSystemResolver: false,
        resolvers: [{ name: "counting", address: "127.0.0.1", port: dnsPort, kind: "provider" }],
        timeoutMs: 500,
      },
      tcp: { targets: [{ name: "counting", host: "127.0.0.1", port: tcpPort }], timeoutMs: 1000 },
      http: {
        targets: [{ name: "counting", url: `http://127.0.0.1:${http.addr.port}/` }],
        timeoutMs: 1000,
      },
    },
    counts: () => ({ ...n }),
    async close() {
      tcp.close();
      await accepting;
      await http.shutdown();
      await new Promise<void>((resolve) => udp.close(() => resolve()));
    },
  };
}
