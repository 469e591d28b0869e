/**
 * Loopback targets for end-to-end tests: an HTTPS server with the test CA, a plain HTTP
 * server, a TCP listener and a DNS responder, all on 127.0.0.1 (and ::1 where useful)
 * on random ports, plus a run config that points the kit at them.
 *
 * @module
 */
import { startResponder } from "./dns_responder.ts";
import { fileURLToPath } from "node:url";

const PKI = new URL("../fixtures/pki/", import.meta.url);

/** The running targets. */
export interface LoopbackTargets {
  httpsPort: number;
  httpPort: number;
  tcpPort: number;
  dnsPort: number;
  /** CA certificate file the config trusts. */
  caFile: string;
  /** A run config (as JSON-ready object) aimed at these targets. */
  config: Record<string, unknown>;
  /** Stops only the DNS responder (to inject a DNS fault). */
  stopDns(): Promise<void>;
  /** Stops everything. */
  close(): Promise<void>;
}

/** Starts the targets. `name` is the DNS name the responder answers (with 127.0.0.1). */
export async function startLoopbackTargets(name = "test.kiriwake"): Promise<LoopbackTargets> {
  const cert = await Deno.readTextFile(new URL("server.pem", PKI));
  const key = await Deno.readTextFile(new URL("server.key", PKI));
  const quiet = { onListen() {} };
  const https = Deno.serve({ ...quiet, hostname: "127.0.0.1", port: 0, cert, key }, (req) => {
    return new URL(req.url).pathname === "/generate_204"
      ? new Response(null, { status: 204 })
      : new Response("ok");
  });
  const plain = (req: Request) =>
    new URL(req.url).pathname === "/generate_204"
      ? new Response(null, { status: 204 })
      : new Response("hello");
  const http = Deno.serve({ ...quiet, hostname: "127.0.0.1", port: 0 }, plain);
  // The same server over IPv6, for the dual-stack comparison.
  const http6 = Deno.serve({ ...quiet, hostname: "::1", port: http.addr.port }, plain);
  const tcp = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  (async () => {
    for await (const c of tcp) c.close();
  })().catch(() => {});

  const dns = await startResponder("healthy", { answers: { [name]: "127.0.0.1" }, fallback: null });
  const dnsPort = dns.port;
  let dnsOpen = true;
  const stopDns = async () => {
    if (dnsOpen) await dns.close();
    dnsOpen = false;
  };
  const httpsPort = https.addr.port;
  const httpPort = http.addr.port;
  const tcpPort = (tcp.addr as Deno.NetAddr).port;
  const caFile = fileURLToPath(new URL("ca.pem", PKI));
  return {
    httpsPort,
    httpPort,
    tcpPort,
    dnsPort,
    caFile,
    config: {
      schema: "kiriwake.config/v1",
      dns: {
        names: [name],
        useSystemResolver: false,
        resolvers: [{ name: "loopback", address: "127.0.0.1", port: dnsPort, kind: "provider" }],
        timeoutMs: 1500,
      },
      tcp: { targets: [{ name: "tcp-v4", host: "127.0.0.1", port: tcpPort }], timeoutMs: 1500 },
      http: {
        targets: [
          {
            name: "https-by-name",
            url: `https://${name}:${httpsPort}/generate_204`,
            expectStatus: 204,
            resolver: "loopback",
            caCertFile: caFile,
          },
          { name: "http-by-ip", url: `http://127.0.0.1:${httpPort}/`, expectStatus: 200 },
        ],
        timeoutMs: 3000,
      },
      // Path probes on loopback; ping.gateways stays off so the real gateway is never pinged.
      ping: { anchors: [{ address: "127.0.0.1" }, { address: "::1" }], count: 3 },
      trace: { targets: [{ address: "127.0.0.1" }, { address: "::1" }], rounds: 2 },
      mtu: { targets: [{ address: "127.0.0.1" }, { address: "::1" }] },
      // Comparison and trust probes; dns.compare stays off (its "configured" resolvers are the machine's own).
      dualStack: {
        targets: [{ url: `http://localhost:${httpPort}/`, v4: "127.0.0.1", v6: "::1" }],
        timeoutMs: 2000,
      },
      captive: {
        url: `http://127.0.0.1:${httpPort}/generate_204`,
        expectStatus: 204,
        timeoutMs: 2000,
      },
      clock: { urls: [`http://127.0.0.1:${httpPort}/`], timeoutMs: 2000 },
      tls: {
        targets: [{
          host: "127.0.0.1",
          port: httpsPort,
          servername: name,
          expectIssuer: ["kiriwake test CA"],
        }],
        timeoutMs: 2000,
      },
    },
    stopDns,
    async close() {
      await stopDns();
      tcp.close();
      await Promise.all([https.shutdown(), http.shutdown(), http6.shutdown()]);
    },
  };
}
