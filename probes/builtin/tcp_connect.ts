/**
 * `tcp.connect`: connect time to each configured host:port, over IPv4 and IPv6 at once, and
 * what the preferred family failing costs (a browser's 250 ms, or an application's wait for
 * the OS connect timeout: `probes/lib/happy_eyeballs.ts`).
 *
 * @module
 */
import { z } from "zod";
import { resolveHost, timedConnect } from "../lib/connect.ts";
import { fallbackCost, fallbackSchema } from "../lib/happy_eyeballs.ts";
import { defineProbe, SkipProbe } from "../types.ts";

const attempt = z.object({
  family: z.union([z.literal(4), z.literal(6)]),
  address: z.string(),
  ok: z.boolean(),
  ms: z.number(),
  error: z.string().optional(),
});
const target = z.object({
  name: z.string(),
  host: z.string(),
  port: z.number(),
  segment: z.enum(["isp", "internet", "service"]),
  dnsMs: z.number().nullable(),
  error: z.string().optional(),
  attempts: z.array(attempt),
  /** The family an application tries first (absent in older reports). */
  preferredFamily: z.union([z.literal(4), z.literal(6)]).nullable().optional(),
  /** What the preferred family failing costs; null unless both families were tried. */
  fallback: fallbackSchema.nullable().optional(),
});
const schema = z.object({ targets: z.array(target), slowMs: z.number() });
/** Data of `tcp.connect`. */
export type TcpConnectData = z.infer<typeof schema>;
type Target = z.infer<typeof target>;

/** The `tcp.connect` probe. Requires `--allow-net`. */
export const tcpConnectProbe = defineProbe({
  id: "tcp.connect",
  title: { ja: "TCP 接続", en: "TCP connect" },
  description: {
    ja: "指定した宛先のポートへ IPv4 と IPv6 で接続し、接続時間を調べます",
    en: "Connects to the configured host:port targets over IPv4 and IPv6, timing each",
  },
  segment: "internet",
  dataCategories: ["measurements"],
  dependsOn: [],
  timeoutMs: 20_000,
  platforms: ["windows", "darwin", "linux"],
  schema,
  async run(ctx) {
    const { targets, timeoutMs, slowMs } = ctx.config.tcp;
    if (targets.length === 0) {
      throw new SkipProbe({ ja: "接続先が設定されていません", en: "No TCP targets configured" });
    }
    const done: Target[] = [];
    const out = await Promise.all(targets.map(async (t) => {
      const name = t.name ?? `${t.host}:${t.port}`;
      const host = await resolveHost(t.host, ctx.config.dns.timeoutMs, ctx.signal);
      const addrs = ([[4, host.v4], [6, host.v6]] as const).filter(([, a]) => a !== null);
      const attempts = await Promise.all(addrs.map(async ([family, address]) => ({
        family,
        address: address!,
        ...(await timedConnect(address!, t.port, timeoutMs, ctx.signal)),
      })));
      const r: Target = {
        name,
        host: t.host,
        port: t.port,
        segment: t.segment,
        dnsMs: host.dnsMs,
        ...(host.error ? { error: host.error } : {}),
        attempts,
        preferredFamily: host.preferred,
        fallback: host.preferred === null ? null : fallbackCost(
          host.preferred,
          attempts.map((a) => ({
            family: a.family,
            connected: a.ok,
            ms: a.ms,
            ...(a.error ? { error: a.error } : {}),
          })),
          ctx.os,
        ),
      };
      done.push(r);
      ctx.progress({ fraction: done.length / targets.length, note: name });
      ctx.checkpoint({ targets: [...done], slowMs });
      return r;
    }));
    const reached = out.filter((t) => t.attempts.some((a) => a.ok));
    const slow = out.filter((t) => t.attempts.some((a) => a.ok && a.ms > slowMs));
    const status = reached.length === 0
      ? "fail"
      : reached.length < out.length || slow.length
      ? "warn"
      : "ok";
    return {
      status,
      summary: {
        ja: `${out.length} 件中 ${reached.length} 件に接続できました`,
        en: `Connected to ${reached.length} of ${out.length} targets`,
      },
      data: { targets: out, slowMs },
      evidence: [{
        label: "connects",
        text: out.map((t) =>
          `${t.name}: ${t.error ?? ""}${
            t.attempts.map((a) => ` v${a.family} ${a.address} ${a.ok ? `${a.ms}ms` : a.error}`)
              .join(";")
          }`
        ).join("\n"),
      }],
    };
  },
});
