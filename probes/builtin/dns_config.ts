/**
 * `dns.config`: the DNS resolvers configured per interface — Windows `ipconfig /all`,
 * macOS `scutil --dns`, Linux `resolvectl status` or `/etc/resolv.conf`.
 *
 * @module
 */
import { z } from "zod";
import { describeFailure } from "../lib/exec.ts";
import { parseIpconfig } from "../parse/ipconfig.ts";
import { parseResolvConf } from "../parse/resolv_conf.ts";
import { parseResolvectl } from "../parse/resolvectl.ts";
import { parseScutilDns } from "../parse/scutil_dns.ts";
import { defineProbe, type Evidence, type ProbeContext, type ProbeOutcome } from "../types.ts";
import type { Localized } from "../../util/text.ts";

const dataSchema = z.object({
  source: z.string(),
  interfaces: z.array(z.object({ name: z.string(), servers: z.array(z.string()) }).strict()),
  /** Every configured server once, in order of preference. */
  servers: z.array(z.string()),
  searchDomains: z.array(z.string()),
}).strict();

/** The data `dns.config` records. */
export type DnsConfigData = z.infer<typeof dataSchema>;

// Windows fills these site-local placeholders in when no IPv6 DNS server is known
const WINDOWS_PLACEHOLDER = /^fec0:0:0:ffff::[123](%\d+)?$/i;

/** The probe for a platform. */
export const dnsConfigProbe = defineProbe({
  id: "dns.config",
  title: { ja: "DNS の設定", en: "DNS configuration" },
  description: {
    ja: "インターフェイスごとに設定された DNS サーバーを調べます",
    en: "Lists the DNS servers configured per interface",
  },
  segment: "dns",
  dataCategories: ["network"],
  dependsOn: [],
  timeoutMs: 15_000,
  platforms: ["windows", "darwin", "linux"],
  schema: dataSchema,
  async run(ctx) {
    const os = ctx.os;
    const read = os === "windows" ? fromWindows : os === "darwin" ? fromDarwin : fromLinux;
    const got = await read(ctx);
    if ("failure" in got) {
      return {
        status: "skipped",
        reason: got.failure,
        summary: got.failure,
        data: empty(),
        evidence: got.evidence,
      };
    }
    return outcome(got.data, got.evidence);
  },
});

type Read = { data: DnsConfigData; evidence: Evidence[] } | {
  failure: Localized;
  evidence: Evidence[];
};

function empty(): DnsConfigData {
  return { source: "", interfaces: [], servers: [], searchDomains: [] };
}

function outcome(data: DnsConfigData, evidence: Evidence[]): ProbeOutcome<DnsConfigData> {
  data.servers = [...new Set(data.interfaces.flatMap((i) => i.servers))];
  if (data.servers.length === 0) {
    return {
      status: "fail",
      summary: { ja: "DNS サーバーが設定されていません", en: "No DNS server is configured" },
      data,
      evidence,
    };
  }
  const list = data.servers.join(", ");
  return {
    status: "ok",
    summary: { ja: `DNS サーバー: ${list}`, en: `DNS servers: ${list}` },
    data,
    evidence,
  };
}

async function fromWindows(ctx: ProbeContext): Promise<Read> {
  const r = await ctx.exec("ipconfig", ["/all"], { signal: ctx.signal, timeoutMs: 10_000 });
  if (!r.ok) return { failure: describeFailure(r), evidence: [] };
  const ip = parseIpconfig(r.stdout);
  const interfaces = ip.adapters.filter((a) => a.connected && a.dnsServers.length > 0).map((a) => ({
    name: a.name,
    servers: a.dnsServers.filter((s) => !WINDOWS_PLACEHOLDER.test(s)),
  })).filter((i) => i.servers.length > 0);
  return {
    data: {
      source: "ipconfig /all",
      interfaces,
      servers: [],
      searchDomains: ip.dnsSuffixSearchList,
    },
    evidence: [{ label: r.command, text: r.stdout.trim().slice(0, 4000) }],
  };
}

async function fromDarwin(ctx: ProbeContext): Promise<Read> {
  const r = await ctx.exec("scutil", ["--dns"], { signal: ctx.signal, timeoutMs: 10_000 });
  if (!r.ok) return { failure: describeFailure(r), evidence: [] };
  const resolvers = parseScutilDns(r.stdout).resolvers;
  // default resolvers (no domain) are what ordinary lookups use; scoped ones name the interface
  const general = resolvers.filter((x) =>
    x.domain === null && x.nameservers.length > 0 && !x.flags.includes("Scoped")
  );
  const byIf = new Map<string, string[]>();
  for (const x of general) {
    const name = x.interface ?? resolvers.find((s) =>
      s.section === "scoped" && s.nameservers.join() === x.nameservers.join()
    )?.interface ?? "(default)";
    byIf.set(name, [...(byIf.get(name) ?? []), ...x.nameservers]);
  }
  return {
    data: {
      source: "scutil --dns",
      interfaces: [...byIf].map(([name, servers]) => ({ name, servers })),
      servers: [],
      searchDomains: [...new Set(general.flatMap((x) => x.searchDomains))],
    },
    evidence: [{ label: r.command, text: r.stdout.trim().slice(0, 4000) }],
  };
}

async function fromLinux(ctx: ProbeContext): Promise<Read> {
  const r = await ctx.exec("resolvectl", ["status", "--no-pager"], {
    signal: ctx.signal,
    timeoutMs: 5_000,
  });
  if (r.ok) {
    const scopes = parseResolvectl(r.stdout).scopes.filter((s) => s.servers.length > 0);
    if (scopes.length > 0) {
      return {
        data: {
          source: "resolvectl status",
          interfaces: scopes.map((s) => ({ name: s.scope, servers: s.servers })),
          servers: [],
          searchDomains: [
            ...new Set(scopes.flatMap((s) => s.domains.filter((d) => !d.startsWith("~")))),
          ],
        },
        evidence: [{ label: r.command, text: r.stdout.trim().slice(0, 4000) }],
      };
    }
  }
  let text: string;
  try {
    text = await ctx.readTextFile("/etc/resolv.conf");
  } catch (e) {
    const msg = (e as Error).message;
    return {
      failure: {
        ja: `/etc/resolv.conf を読めません: ${msg}`,
        en: `Cannot read /etc/resolv.conf: ${msg}`,
      },
      evidence: [],
    };
  }
  const conf = parseResolvConf(text);
  return {
    data: {
      source: "/etc/resolv.conf",
      interfaces: conf.nameservers.length ? [{ name: "(system)", servers: conf.nameservers }] : [],
      servers: [],
      searchDomains: conf.search,
    },
    evidence: [{ label: "/etc/resolv.conf", text: text.trim().slice(0, 2000) }],
  };
}
