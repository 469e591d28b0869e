/**
 * The benchmark's network: client ⇄ router ⇄ server in three namespaces with unique names,
 * the router shaping each direction with `tbf` on its egress (download towards the client,
 * upload towards the server), so the queue sits in a forwarding hop as on a real access
 * line rather than in the sender's own stack. Always removed with {@link Topology.destroy}.
 *
 * Requires root and iproute2.
 *
 * @module
 */
import { run } from "./proc.ts";

/** The three namespaces and how to shape them. */
export interface Topology {
  client: string;
  router: string;
  server: string;
  clientIp: string;
  serverIp: string;
  /** Shapes both directions to `rateBps` with a tbf queue of `queueMs`. */
  shape(rateBps: number, queueMs: number): Promise<void>;
  destroy(): Promise<void>;
}

async function sh(...argv: string[]): Promise<void> {
  const r = await run(argv);
  if (r.code !== 0) throw new Error(`${argv.join(" ")}: ${r.stderr.trim()}`);
}

/** The tbf parameters for `rateBps` with a queue of `queueMs` (burst ≥ 2 ms of data). */
export function tbfArgs(rateBps: number, queueMs: number): string[] {
  const burst = Math.max(16_000, Math.round((rateBps / 8) * 0.002));
  return ["tbf", "rate", `${rateBps}bit`, "burst", String(burst), "latency", `${queueMs}ms`];
}

/** Builds the topology; on failure removes what was made. */
export async function createTopology(): Promise<Topology> {
  const p = `kw${crypto.randomUUID().slice(0, 4)}`;
  const [c, r, s] = [`${p}c`, `${p}r`, `${p}s`];
  const ns = (n: string, ...argv: string[]) => sh("ip", "netns", "exec", n, ...argv);
  const destroy = async () => {
    for (const n of [c, r, s]) await run(["ip", "netns", "del", n]);
  };
  try {
    for (const n of [c, r, s]) await sh("ip", "netns", "add", n);
    await sh(
      "ip",
      "link",
      "add",
      `${p}c0`,
      "netns",
      c,
      "type",
      "veth",
      "peer",
      "name",
      `${p}rc`,
      "netns",
      r,
    );
    await sh(
      "ip",
      "link",
      "add",
      `${p}s0`,
      "netns",
      s,
      "type",
      "veth",
      "peer",
      "name",
      `${p}rs`,
      "netns",
      r,
    );
    await ns(c, "ip", "addr", "add", "10.201.1.1/24", "dev", `${p}c0`);
    await ns(r, "ip", "addr", "add", "10.201.1.254/24", "dev", `${p}rc`);
    await ns(r, "ip", "addr", "add", "10.201.2.254/24", "dev", `${p}rs`);
    await ns(s, "ip", "addr", "add", "10.201.2.2/24", "dev", `${p}s0`);
    for (const [n, dev] of [[c, `${p}c0`], [r, `${p}rc`], [r, `${p}rs`], [s, `${p}s0`]]) {
      await ns(n, "ip", "link", "set", dev, "up");
    }
    for (const n of [c, r, s]) await ns(n, "ip", "link", "set", "lo", "up");
    await ns(c, "ip", "route", "add", "default", "via", "10.201.1.254");
    await ns(s, "ip", "route", "add", "default", "via", "10.201.2.254");
    await ns(r, "sysctl", "-qw", "net.ipv4.ip_forward=1");
  } catch (e) {
    await destroy();
    throw e;
  }
  return {
    client: c,
    router: r,
    server: s,
    clientIp: "10.201.1.1",
    serverIp: "10.201.2.2",
    async shape(rateBps, queueMs) {
      for (const dev of [`${p}rc`, `${p}rs`]) {
        await ns(r, "tc", "qdisc", "replace", "dev", dev, "root", ...tbfArgs(rateBps, queueMs));
      }
    },
    destroy,
  };
}
