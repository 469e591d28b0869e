/**
 * The lab: builds the topology of `topology.ts` in fresh namespaces, starts the servers in
 * them, applies one scenario's faults, puts everything back between scenarios, and tears it
 * all down. One lab serves every scenario of a run.
 *
 * Requires root, `ip`, `iptables`, `ip6tables` and `tc`.
 *
 * @module
 */
import { run } from "./netns.ts";
import type { Fault } from "./scenario_schema.ts";
import { type ServerProc, startServer, tellServer } from "./server_proc.ts";
import {
  ADDRESSES,
  CLIENT_NSSWITCH,
  CLIENT_RESOLV_CONF,
  FIREWALL,
  LINKS,
  type Node,
  NODES,
  ROUTERS,
  ROUTES,
  SERVICES,
} from "./topology.ts";

/** A built topology. */
export interface Lab {
  /** The namespace name of `node`. */
  ns(node: Node): string;
  /** Runs `argv` inside `node`'s namespace. */
  exec(node: Node, argv: readonly string[], allowFail?: boolean): ReturnType<typeof run>;
  /** Applies one fault. */
  apply(fault: Fault): Promise<void>;
  /** Environment variables the kit runs with (set by `env` faults). */
  env(): Readonly<Record<string, string>>;
  /** Puts links, addresses, routes, firewalls, queues, resolver config and servers back. */
  reset(): Promise<void>;
  /** Removes everything the lab made. Safe to call twice. */
  close(): Promise<void>;
}

/** Builds the topology with namespaces named `<prefix>-<node>`. Cleans up after itself on failure. */
export async function createLab(prefix: string): Promise<Lab> {
  const ns = (n: Node) => `${prefix}-${n}`;
  const etc = `/etc/netns/${ns("client")}`;
  const servers = new Map<Node, ServerProc>();
  let closed = false;
  let kitEnv: Record<string, string> = {};

  const exec = (n: Node, argv: readonly string[], allowFail = false) =>
    run(ns(n), argv, { allowFail });

  const close = async () => {
    if (closed) return;
    closed = true;
    for (const s of servers.values()) {
      await s.writer.close().catch(() => {});
      try {
        s.child.kill("SIGTERM");
      } catch { /* already gone */ }
      await s.child.status.catch(() => {});
    }
    for (const n of NODES) await run(null, ["ip", "netns", "del", ns(n)], { allowFail: true });
    await Deno.remove(etc, { recursive: true }).catch(() => {});
  };

  const writeResolv = (text: string) => Deno.writeTextFile(`${etc}/resolv.conf`, text);

  const reset = async () => {
    await Promise.all(NODES.map((n) => resetNode(ns(n), n)));
    await writeResolv(CLIENT_RESOLV_CONF);
    kitEnv = {};
    for (const s of servers.values()) await tellServer(s, { reset: true });
  };

  const apply = async (f: Fault) => {
    switch (f.kind) {
      case "iptables": {
        const tools = f.family === "both"
          ? ["iptables", "ip6tables"]
          : [f.family === "6" ? "ip6tables" : "iptables"];
        for (const t of tools) await exec(f.node, [t, ...f.rule.split(/\s+/)]);
        return;
      }
      case "tc":
        await exec(f.node, [
          "tc",
          "qdisc",
          "replace",
          "dev",
          f.dev,
          "root",
          ...f.qdisc.split(/\s+/),
        ]);
        return;
      case "link":
        if (f.mtu !== undefined) {
          await exec(f.node, ["ip", "link", "set", f.dev, "mtu", `${f.mtu}`]);
        }
        if (f.up !== undefined) {
          await exec(f.node, ["ip", "link", "set", f.dev, f.up ? "up" : "down"]);
        }
        return;
      case "route":
        await exec(f.node, ["ip", `-${f.family}`, "route", ...f.args.split(/\s+/)]);
        return;
      case "service": {
        const s = servers.get(f.node);
        if (!s) throw new Error(`No servers run in "${f.node}"`);
        await tellServer(s, { service: f.service, mode: f.mode });
        return;
      }
      case "resolv":
        await writeResolv(f.text);
        return;
      case "env":
        kitEnv = { ...kitEnv, ...f.vars };
        return;
    }
  };

  try {
    for (const n of NODES) {
      await run(null, ["ip", "netns", "add", ns(n)]);
      const forward = ROUTERS.includes(n) ? "1" : "0";
      await exec(n, [
        "sysctl",
        "-q",
        "-w",
        `net.ipv4.ip_forward=${forward}`,
        `net.ipv6.conf.all.forwarding=${forward}`,
        // Devices are made after this, so they start without duplicate address detection.
        "net.ipv6.conf.default.accept_dad=0",
        "net.ipv6.conf.all.accept_dad=0",
        // Lets an unprivileged ping work too, as on a desktop.
        "net.ipv4.ping_group_range=0 2147483647",
        // A healthy lab answers every traceroute probe; rate limiting is a scenario's fault.
        "net.ipv4.icmp_ratelimit=0",
        "net.ipv6.icmp.ratelimit=0",
      ]); // deno-fmt-ignore
    }
    for (const l of LINKS) {
      await run(null, [
        "ip",
        "link",
        "add",
        l.aDev,
        "netns",
        ns(l.a),
        "type",
        "veth",
        "peer",
        "name",
        l.bDev,
        "netns",
        ns(l.b),
      ]); // deno-fmt-ignore
    }
    await Deno.mkdir(etc, { recursive: true });
    await Deno.writeTextFile(`${etc}/nsswitch.conf`, CLIENT_NSSWITCH);
    await reset();
    for (const n of NODES) if (SERVICES[n]) servers.set(n, await startServer(ns(n), n));
  } catch (e) {
    await close();
    throw e;
  }
  return { ns, exec, apply, env: () => kitEnv, reset, close };
}

/** Puts one namespace back to the plan: few processes, as each costs ~15 ms on a busy host. */
async function resetNode(netns: string, n: Node): Promise<void> {
  const devs = Object.keys(ADDRESSES[n]).filter((d) => d !== "lo");
  // Routes a fault added go (the plan's come back below); a missing qdisc is fine.
  await run(null, ["ip", "-n", netns, "-6", "route", "flush", "proto", "boot"]);
  await run(null, ["tc", "-n", netns, "-force", "-batch", "-"], {
    input: devs.map((d) => `qdisc del dev ${d} root\n`).join(""),
    allowFail: true,
  });
  const lines = [
    "route flush proto boot",
    ...devs.map((d) => `link set ${d} up mtu 1500`),
    "link set lo up",
    ...Object.entries(ADDRESSES[n]).flatMap(([dev, cidrs]) =>
      cidrs.map((c) => `addr replace ${c} dev ${dev}${isV6(c) ? " nodad" : ""}`)
    ),
    // The family follows from the gateway address.
    ...ROUTES[n].map((r) => `route replace ${r.join(" ")}`),
  ];
  await run(null, ["ip", "-n", netns, "-batch", "-"], { input: lines.join("\n") + "\n" });
  await run(netns, ["iptables-restore"], { input: FIREWALL[n].v4 });
  await run(netns, ["ip6tables-restore"], { input: FIREWALL[n].v6 });
}

function isV6(s: string): boolean {
  return s.includes(":");
}
