/**
 * `http.timing`: requests each configured URL and times DNS, TCP, TLS and time to first
 * byte; records status, TLS version and certificate expiry. Requests go directly to the
 * server: when the device is set to use a proxy (`net.proxy`), the data and the evidence say
 * that these requests bypassed it, and `net.proxy.check` measures through it.
 *
 * @module
 */
import { z } from "zod";
import type { ProxyData } from "./net_proxy.ts";
import { fallbackSchema } from "../lib/happy_eyeballs.ts";
import { timeHttpFamilies } from "../lib/http_families.ts";
import { defineProbe, type Evidence, SkipProbe } from "../types.ts";

const n = z.number().nullable();

/** One address family's request of a target. */
const familySchema = z.object({
  family: z.union([z.literal(4), z.literal(6)]),
  address: z.string(),
  /** The request completed (any status). */
  ok: z.boolean(),
  failedAt: z.enum(["dns", "connect", "tls", "request"]).optional(),
  error: z.string().optional(),
  connectMs: n,
  ttfbMs: n,
  totalMs: n,
  status: n,
  /** From the start to the answer or the failure. */
  ms: z.number(),
});

const target = z.object({
  name: z.string(),
  url: z.string(),
  segment: z.enum(["isp", "internet", "service"]),
  /** True when the request completed with the expected status. */
  healthy: z.boolean(),
  expectStatus: z.number().nullable(),
  ok: z.boolean(),
  failedAt: z.enum(["dns", "connect", "tls", "request"]).optional(),
  error: z.string().optional(),
  address: z.string().nullable(),
  dnsMs: n,
  connectMs: n,
  tlsMs: n,
  ttfbMs: n,
  totalMs: n,
  status: n,
  location: z.string().nullable(),
  date: z.string().nullable(),
  bodyBytes: z.number(),
  tlsVersion: z.string().nullable(),
  alpn: z.string().nullable(),
  certIssuer: z.string().nullable(),
  certNotAfter: z.string().nullable(),
  certDaysLeft: n,
  /**
   * The request over each family the name has, at once; the fields above are the one a
   * browser would have used (the first family to connect). Absent in older reports.
   */
  families: z.array(familySchema).optional(),
  /** The family an application tries first. */
  preferredFamily: z.union([z.literal(4), z.literal(6)]).nullable().optional(),
  /** What the preferred family failing costs; null unless both families were tried. */
  fallback: fallbackSchema.nullable().optional(),
});
const schema = z.object({
  targets: z.array(target),
  slowMs: z.number(),
  /**
   * Proxies the device is set to use for web traffic (`host:port`, by source), which these
   * direct requests did not go through; empty when none is set.
   */
  bypassedProxies: z.array(z.string()).optional(),
});
/** Data of `http.timing`. */
export type HttpTimingData = z.infer<typeof schema>;
type Target = z.infer<typeof target>;

/** A certificate closer than this to expiry is a warning. */
const CERT_WARN_DAYS = 14;

/** The `http.timing` probe. Requires `--allow-net`. */
export const httpTimingProbe = defineProbe({
  id: "http.timing",
  title: { ja: "Web 応答時間", en: "Web response timing" },
  description: {
    ja: "指定した URL に接続し、DNS・TCP・TLS・最初の応答までの時間と証明書を調べます",
    en:
      "Requests the configured URLs, timing DNS, TCP, TLS and first byte, and checks the certificate",
  },
  segment: "internet",
  dataCategories: ["measurements"],
  dependsOn: ["net.proxy"],
  timeoutMs: 30_000,
  platforms: ["windows", "darwin", "linux"],
  schema,
  async run(ctx) {
    const { targets, timeoutMs, slowMs } = ctx.config.http;
    if (targets.length === 0) {
      throw new SkipProbe({ ja: "URL が設定されていません", en: "No HTTP targets configured" });
    }
    const done: Target[] = [];
    const out = await Promise.all(targets.map(async (t) => {
      const resolver = t.resolver
        ? ctx.config.dns.resolvers.find((r) => r.name === t.resolver)
        : undefined;
      const { browser: timing, families, preferred, fallback } = await timeHttpFamilies(
        new URL(t.url),
        { timeoutMs, signal: ctx.signal, caCerts: t.caCerts, resolver, os: ctx.os },
      );
      const statusOk = timing.status !== null &&
        (t.expectStatus ? timing.status === t.expectStatus : timing.status < 400);
      const r: Target = {
        name: t.name ?? new URL(t.url).host,
        url: t.url,
        segment: t.segment,
        healthy: timing.ok && statusOk,
        expectStatus: t.expectStatus ?? null,
        ...timing,
        families,
        preferredFamily: preferred,
        fallback,
      };
      done.push(r);
      ctx.progress({ fraction: done.length / targets.length, note: r.name });
      ctx.checkpoint({ targets: [...done], slowMs });
      return r;
    }));
    const bypassedProxies = proxiesOf(ctx.deps["net.proxy"]?.data as Partial<ProxyData>);
    const healthy = out.filter((t) => t.healthy);
    const slow = healthy.filter((t) => (t.ttfbMs ?? 0) > slowMs);
    const expiring = out.filter((t) => t.certDaysLeft !== null && t.certDaysLeft < CERT_WARN_DAYS);
    const status = healthy.length === 0
      ? "fail"
      : healthy.length < out.length || slow.length || expiring.length
      ? "warn"
      : "ok";
    return {
      status,
      summary: {
        ja: `${out.length} 件中 ${healthy.length} 件が正常に応答しました`,
        en: `${healthy.length} of ${out.length} URLs answered as expected`,
      },
      data: { targets: out, slowMs, bypassedProxies },
      evidence: [...bypassNote(bypassedProxies), {
        label: "requests",
        text: out.map((t) =>
          (t.ok
            ? `${t.url} -> ${t.status} dns=${t.dnsMs} tcp=${t.connectMs} tls=${t.tlsMs} ttfb=${t.ttfbMs} ${
              t.tlsVersion ?? ""
            }`
            : `${t.url} -> failed at ${t.failedAt}: ${t.error}`) + familyText(t)
        ).join("\n"),
      }],
    };
  },
});

/** `source host:port` of every web proxy the device is set to use. */
function proxiesOf(data: Partial<ProxyData> | undefined): string[] {
  const out = new Set<string>();
  for (const s of data?.sources ?? []) {
    if (!s.enabled) continue;
    for (const p of [s.http, s.https, s.pacUrl && `PAC ${s.pacUrl}`]) {
      if (p) out.add(`${s.source} ${p}`);
    }
  }
  return [...out];
}

function bypassNote(proxies: string[]): Evidence[] {
  return proxies.length
    ? [{
      label: "direct",
      text:
        `These requests went directly to the servers, not through the proxy the device is set ` +
        `to use (${proxies.join("; ")}); net.proxy.check measures through it.`,
    }]
    : [];
}

/** `  [IPv6 fd00::1: timeout; IPv4 192.0.2.1: 204 in 12 ms; a browser: +250 ms, one address at a time: 21 s]`. */
function familyText(t: Target): string {
  if (!t.families || t.families.length < 2) return "";
  const each = t.families.map((f) =>
    `IPv${f.family} ${f.address}: ${f.ok ? `${f.status} in ${f.totalMs} ms` : f.error}`
  );
  const fb = t.fallback;
  const cost = fb && fb.preferredError
    ? [
      `a browser: +${fb.happyEyeballsDelayMs} ms`,
      `one address at a time: ${fb.sequentialMs === null ? "never" : duration(fb.sequentialMs)}${
        fb.sequentialIsOsTimeout ? " (the OS connect timeout)" : ""
      }`,
    ]
    : [];
  return `\n  [${[...each, ...cost].join("; ")}]`;
}

function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}
