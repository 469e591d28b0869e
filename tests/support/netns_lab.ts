/**
 * A three-namespace lab for tests that must send real packets without leaving the machine:
 * client ─ router ─ server, IPv4 and IPv6, the client's default routes via the router.
 * Names carry a random `kw` + 4 hex prefix so parallel runs never clash; `close()` removes
 * everything. Needs root and iproute2: {@link labTest} skips (or fails under `CI=true`).
 *
 * @module
 */
import { exec, type ExecFn } from "../../probes/lib/exec.ts";

/** Addresses in the lab (private, never routed beyond it). */
export const LAB = {
  client4: "10.77.1.2",
  router4: "10.77.1.1",
  routerFar4: "10.77.2.1",
  server4: "10.77.2.2",
  client6: "fd77:1::2",
  router6: "fd77:1::1",
  routerFar6: "fd77:2::1",
  server6: "fd77:2::2",
} as const;

/** A running lab. */
export interface Lab {
  /** Namespace names. */
  client: string;
  router: string;
  server: string;
  /** An exec that runs every command inside the client namespace. */
  clientExec: ExecFn;
  /** Runs a command inside a namespace; throws with its stderr when it fails. */
  sh(ns: string, ...cmd: string[]): Promise<string>;
  /** Removes the namespaces (and with them the links). */
  close(): Promise<void>;
}

/** Options of {@link createLab}. */
export interface LabOptions {
  /** MTU of the router's link towards the server (path MTU tests). */
  farMtu?: number;
}

/** Why a lab cannot be made here, or null when it can. */
export async function labUnavailable(): Promise<string | null> {
  if (Deno.build.os !== "linux") return "network namespaces need Linux";
  if (Deno.uid() !== 0) return "network namespaces need root";
  const r = await exec("ip", ["netns", "list"], { timeoutMs: 5000 });
  return r.ok ? null : `ip netns is not usable: ${r.failure} ${r.stderr.trim()}`;
}

/** Builds the lab. */
export async function createLab(opts: LabOptions = {}): Promise<Lab> {
  const p = `kw${
    crypto.getRandomValues(new Uint8Array(2)).reduce((s, b) =>
      s + b.toString(16).padStart(2, "0"), "")
  }`;
  const client = `${p}c`, router = `${p}r`, server = `${p}s`;
  const run = async (...args: string[]) => {
    const r = await exec(args[0], args.slice(1), { timeoutMs: 10_000 });
    if (!r.ok) throw new Error(`${r.command}: ${r.failure} ${r.stderr.trim()}`);
    return r.stdout;
  };
  const sh = (ns: string, ...cmd: string[]) => run("ip", "netns", "exec", ns, ...cmd);
  const lab: Lab = {
    client,
    router,
    server,
    clientExec: (cmd, args, o) => exec("ip", ["netns", "exec", client, cmd, ...args], o),
    sh,
    async close() {
      for (const ns of [client, router, server]) await exec("ip", ["netns", "del", ns]);
    },
  };
  try {
    for (const ns of [client, router, server]) await run("ip", "netns", "add", ns);
    await run(
      "ip",
      "link",
      "add",
      `${p}c0`,
      "netns",
      client,
      "type",
      "veth",
      "peer",
      "name",
      `${p}r0`,
      "netns",
      router,
    );
    await run(
      "ip",
      "link",
      "add",
      `${p}r1`,
      "netns",
      router,
      "type",
      "veth",
      "peer",
      "name",
      `${p}s0`,
      "netns",
      server,
    );
    const addr = async (ns: string, dev: string, v4: string, v6: string) => {
      await run("ip", "-n", ns, "addr", "add", `${v4}/24`, "dev", dev);
      await run("ip", "-n", ns, "addr", "add", `${v6}/64`, "dev", dev, "nodad");
      await run("ip", "-n", ns, "link", "set", dev, "up");
    };
    for (const ns of [client, router, server]) await run("ip", "-n", ns, "link", "set", "lo", "up");
    await addr(client, `${p}c0`, LAB.client4, LAB.client6);
    await addr(router, `${p}r0`, LAB.router4, LAB.router6);
    await addr(router, `${p}r1`, LAB.routerFar4, LAB.routerFar6);
    await addr(server, `${p}s0`, LAB.server4, LAB.server6);
    if (opts.farMtu) {
      await run("ip", "-n", router, "link", "set", `${p}r1`, "mtu", String(opts.farMtu));
    }
    // Forwarding on; ICMP error rate limits off, so loss in tests is only the loss a test makes.
    await sh(router, "sysctl", "-qw", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1");
    for (const ns of [router, server]) {
      await sh(ns, "sysctl", "-qw", "net.ipv4.icmp_ratelimit=0", "net.ipv6.icmp.ratelimit=0");
    }
    await run("ip", "-n", client, "route", "add", "default", "via", LAB.router4);
    await run("ip", "-n", client, "-6", "route", "add", "default", "via", LAB.router6);
    await run("ip", "-n", server, "route", "add", "default", "via", LAB.routerFar4);
    await run("ip", "-n", server, "-6", "route", "add", "default", "via", LAB.routerFar6);
    // Resolve neighbours once (IPv6 neighbour discovery takes ~1 s), so the first
    // measurement a test makes is not slowed or lost by it.
    for (const target of [LAB.server4, LAB.server6]) {
      await sh(client, "ping", "-n", "-c", "1", "-W", "5", target);
    }
  } catch (e) {
    await lab.close();
    throw e;
  }
  return lab;
}

/**
 * Registers a test that runs in a fresh lab, removed afterwards. Skips with a printed reason
 * when labs cannot be made here, unless `CI=true`, where that fails.
 */
export function labTest(
  name: string,
  fn: (lab: Lab) => Promise<void>,
  opts: LabOptions = {},
): void {
  Deno.test({ name, sanitizeResources: false, sanitizeOps: false }, async () => {
    const why = await labUnavailable();
    if (why) {
      if (Deno.env.get("CI") === "true") throw new Error(`CI: ${why}`);
      console.log(`skip "${name}": ${why}`);
      return;
    }
    const lab = await createLab(opts);
    try {
      await fn(lab);
    } finally {
      await lab.close();
    }
  });
}
