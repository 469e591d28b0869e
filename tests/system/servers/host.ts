/**
 * The server process of one namespace: started by the harness with
 * `ip netns exec NS deno run … host.ts NODE`, it runs that namespace's services from
 * `SERVICES` and takes commands on stdin, one JSON object a line:
 *
 * - `{"service":"dns","mode":{"mode":"silent"}}` sets a fault mode (`dns`, `proxy`, or a web
 *   service's name);
 * - `{"reset":true}` puts every service back to normal.
 *
 * It answers each line with `ok` or `error: …`, and prints `ready` once it listens.
 * Requires `--allow-net --allow-read`.
 *
 * @module
 */
import { type DnsMode, type DnsResponder, startDns } from "./dns.ts";
import { startTcpSink, startWeb, type WebMode, type WebServer } from "./web.ts";
import { type ProxyMode, type ProxyServer, startProxy } from "./proxy.ts";
import { type Node, NODES, SERVICES, ZONE } from "../topology.ts";
import { serveSpeed } from "../../../speed/server.ts";

const PKI = new URL("../pki/", import.meta.url);

/** A command on stdin. */
type Command = { reset: true } | { service: string; mode: DnsMode | WebMode | ProxyMode };

async function main(node: Node): Promise<void> {
  const spec = SERVICES[node];
  if (!spec) throw new Error(`No services run in "${node}"`);
  const cert = await Deno.readTextFile(new URL("server.pem", PKI));
  const key = await Deno.readTextFile(new URL("server.key", PKI));
  const dns: DnsResponder | null = spec.dns ? await startDns(spec.dns.addresses, ZONE) : null;
  const web = new Map<string, WebServer>(
    Object.entries(spec.web).map(([name, w]) => [name, startWeb({ ...w, cert, key })]),
  );
  if (spec.tcp) { for (const port of spec.tcp.ports) startTcpSink(spec.tcp.addresses, port); }
  const proxy = spec.proxy ? await startProxy(spec.proxy.addresses, spec.proxy.port) : null;
  // The speed test server, where the spec asks for one.
  for (const hostname of spec.speed?.addresses ?? []) {
    serveSpeed({ hostname, port: spec.speed!.port });
  }

  const out = (line: string) => Deno.stdout.write(new TextEncoder().encode(`${line}\n`));
  await out("ready");
  const lines = Deno.stdin.readable.pipeThrough(new TextDecoderStream());
  let buffered = "";
  for await (const chunk of lines) {
    buffered += chunk;
    let nl;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (!line) continue;
      try {
        apply(JSON.parse(line) as Command, dns, web, proxy);
        await out("ok");
      } catch (e) {
        await out(`error: ${(e as Error).message}`);
      }
    }
  }
  // stdin closed: the harness is gone or done; stop so nothing outlives the topology.
  Deno.exit(0);
}

function apply(
  cmd: Command,
  dns: DnsResponder | null,
  web: Map<string, WebServer>,
  proxy: ProxyServer | null,
): void {
  if ("reset" in cmd) {
    dns?.setMode({ mode: "normal" });
    proxy?.setMode({ mode: "normal" });
    for (const w of web.values()) w.setMode({ mode: "normal" });
    return;
  }
  if (cmd.service === "dns") {
    if (!dns) throw new Error("no dns service here");
    dns.setMode(cmd.mode as DnsMode);
    return;
  }
  if (cmd.service === "proxy") {
    if (!proxy) throw new Error("no proxy service here");
    proxy.setMode(cmd.mode as ProxyMode);
    return;
  }
  const w = web.get(cmd.service);
  if (!w) throw new Error(`no service "${cmd.service}" here`);
  w.setMode(cmd.mode as WebMode);
}

if (import.meta.main) {
  const node = Deno.args[0] as Node;
  if (!NODES.includes(node)) {
    console.error(`usage: host.ts ${NODES.join("|")}`);
    Deno.exit(2);
  }
  await main(node);
}
