/**
 * `http.timing`: requests each configured URL and times DNS, TCP, TLS and time to first
 * byte; records status, TLS version and certificate expiry.
 *
 * @module
 */
import { z } from "zod";
import { timeHttp } from "../lib/http_phases.ts";
import { defineProbe, SkipProbe } from "../types.ts";

const n = z.number().nullable();
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
});
const schema = z.object({ targets: z.array(target), slowMs: z.number() });
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
  dependsOn: [],
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
      const timing = await timeHttp(new URL(t.url), {
        timeoutMs,
        signal: ctx.signal,
        caCerts: t.caCerts,
        resolver,
      });
      const statusOk = timing.status !== null &&
        (t.expectStatus ? timing.status === t.expectStatus : timing.status < 400);
      const r: Target = {
        name: t.name ?? new URL(t.url).host,
        url: t.url,
        segment: t.segment,
        healthy: timing.ok && statusOk,
        expectStatus: t.expectStatus ?? null,
        ...timing,
      };
      done.push(r);
      ctx.progress({ fraction: done.length / targets.length, note: r.name });
      ctx.checkpoint({ targets: [...done], slowMs });
      return r;
    }));
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
      data: { targets: out, slowMs },
      evidence: [{
        label: "requests",
        text: out.map((t) =>
          t.ok
            ? `${t.url} -> ${t.status} dns=${t.dnsMs} tcp=${t.connectMs} tls=${t.tlsMs} ttfb=${t.ttfbMs} ${
              t.tlsVersion ?? ""
            }`
            : `${t.url} -> failed at ${t.failedAt}: ${t.error}`
        ).join("\n"),
      }],
    };
  },
});
