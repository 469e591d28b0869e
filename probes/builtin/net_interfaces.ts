/**
 * `net.interfaces`: the device's network interfaces, their addresses by family and scope,
 * state and MTU. MAC addresses are declared identifiers.
 *
 * @module
 */
import { z } from "zod";
import { ipScope } from "../../util/ip_scope.ts";
import {
  type InterfaceLink,
  parseIfconfigLinks,
  parseNetshSubinterfaces,
} from "../parse/interface_mtu.ts";
import { defineProbe, type ProbeContext } from "../types.ts";

const address = z.object({
  family: z.union([z.literal(4), z.literal(6)]),
  address: z.string(),
  cidr: z.string().nullable(),
  scope: z.enum(["loopback", "link", "private", "cgnat", "ula", "global", "unspecified"]),
});
const iface = z.object({
  name: z.string(),
  up: z.boolean().nullable(),
  mtu: z.number().int().nullable(),
  mac: z.string().nullable(),
  addresses: z.array(address),
});
const schema = z.object({ interfaces: z.array(iface), mtuSource: z.string().nullable() });
/** Data of `net.interfaces`. */
export type NetInterfacesData = z.infer<typeof schema>;

/** The `net.interfaces` probe. Requires `--allow-sys` and, for MTU, read or run access. */
export const netInterfacesProbe = defineProbe({
  id: "net.interfaces",
  title: { ja: "ネットワーク インターフェイス", en: "Network interfaces" },
  description: {
    ja: "インターフェイスごとのアドレス (IPv4/IPv6)、状態、MTU を調べます",
    en: "Addresses (IPv4/IPv6), state and MTU of each interface",
  },
  segment: "lan",
  dataCategories: ["network"],
  dependsOn: [],
  timeoutMs: 8000,
  platforms: ["windows", "darwin", "linux"],
  schema,
  async run(ctx) {
    const byName = new Map<string, z.infer<typeof iface>>();
    for (const ni of Deno.networkInterfaces()) {
      const entry = byName.get(ni.name) ??
        { name: ni.name, up: null, mtu: null, mac: null, addresses: [] };
      byName.set(ni.name, entry);
      if (ni.mac && ni.mac !== "00:00:00:00:00:00") {
        entry.mac = ni.mac;
        ctx.identifier({ kind: "mac", value: ni.mac });
      }
      entry.addresses.push({
        family: ni.family === "IPv4" ? 4 : 6,
        address: ni.address,
        cidr: ni.cidr ?? null,
        scope: ipScope(ni.address),
      });
    }
    const { links, source } = await readLinks(ctx, [...byName.keys()]);
    for (const l of links) {
      const entry = byName.get(l.name);
      if (entry) Object.assign(entry, { mtu: l.mtu, up: l.up });
    }
    const interfaces = [...byName.values()];
    const usable = interfaces.filter((i) =>
      i.up !== false && i.addresses.some((a) => a.scope !== "loopback" && a.scope !== "link")
    );
    return {
      status: usable.length > 0 ? "ok" : "fail",
      summary: usable.length > 0
        ? {
          ja: `使用中のインターフェイス: ${usable.map((i) => i.name).join(", ")}`,
          en: `Interfaces in use: ${usable.map((i) => i.name).join(", ")}`,
        }
        : {
          ja: "ネットワークに接続されたインターフェイスがありません",
          en: "No interface is connected to a network",
        },
      data: { interfaces, mtuSource: source },
    };
  },
});

async function readLinks(
  ctx: ProbeContext,
  names: string[],
): Promise<{ links: InterfaceLink[]; source: string | null }> {
  if (Deno.build.os === "linux") {
    const links: InterfaceLink[] = [];
    for (const name of names) {
      const read = (f: string) =>
        Deno.readTextFile(`/sys/class/net/${name}/${f}`).then((t) => t.trim(), () => null);
      const [mtu, state] = await Promise.all([read("mtu"), read("operstate")]);
      links.push({
        name,
        mtu: mtu === null ? null : Number(mtu),
        up: state === null || state === "unknown" ? null : state === "up",
      });
    }
    return { links, source: "/sys/class/net" };
  }
  if (Deno.build.os === "darwin") {
    const r = await ctx.exec("ifconfig", ["-a"], { signal: ctx.signal, timeoutMs: 5000 });
    return r.ok
      ? { links: parseIfconfigLinks(r.stdout), source: r.command }
      : { links: [], source: null };
  }
  const r = await ctx.exec("netsh", ["interface", "ipv4", "show", "subinterfaces"], {
    signal: ctx.signal,
    timeoutMs: 5000,
  });
  return r.ok
    ? { links: parseNetshSubinterfaces(r.stdout), source: r.command }
    : { links: [], source: null };
}
