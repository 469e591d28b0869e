/**
 * `lan.gateway.ping`: loss, RTT and jitter to each default gateway (IPv4 and IPv6) that
 * `net.gateway` found: the first hop, so a slow or lossy home network shows here before
 * anything beyond it is blamed.
 *
 * @module
 */
import { z } from "zod";
import { ipFamily } from "../parse/address.ts";
import { type PingTarget, pingTargetSchema, runPing } from "../lib/ping_run.ts";
import { summarizePings } from "../lib/ping_summary.ts";
import { defineProbe, isMeasured, type Platform, SkipProbe } from "../types.ts";

const schema = z.object({
  targets: z.array(pingTargetSchema),
  jitterMethod: z.literal("mean-abs-consecutive-diff"),
}).strict();

/** Data of `lan.gateway.ping`. */
export type LanGatewayPingData = z.infer<typeof schema>;

/** A default route as `net.gateway` records it. */
interface GatewayRoute {
  family: 4 | 6;
  gateway: string;
  interface?: string | null;
  ifIndex?: number;
}

/** The `lan.gateway.ping` probe. Requires `--allow-run=ping` (`ping6` on macOS). */
export const lanGatewayPingProbe = defineProbe({
  id: "lan.gateway.ping",
  title: { ja: "ルーターへの ping", en: "Ping to the router" },
  description: {
    ja: "デフォルト ゲートウェイ (IPv4・IPv6) への損失、往復時間、ジッターを測ります",
    en: "Loss, round-trip time and jitter to the default gateways, IPv4 and IPv6",
  },
  segment: "lan",
  dataCategories: ["measurements", "network"],
  dependsOn: ["net.gateway"],
  timeoutMs: 30_000,
  platforms: ["windows", "darwin", "linux"],
  schema,
  async run(ctx) {
    const os = ctx.os;
    if (!ctx.config.ping.gateways) {
      throw new SkipProbe({
        ja: "設定でゲートウェイへの ping が有効になっていません",
        en: "Pinging the gateway is not enabled in the config (ping.gateways)",
      });
    }
    const dep = ctx.deps["net.gateway"];
    if (!dep || !isMeasured(dep.status)) {
      throw new SkipProbe({
        ja: "デフォルト ゲートウェイが分からないため測れません",
        en: "The default gateway is not known (net.gateway did not measure it)",
      });
    }
    const routes = ((dep.data.routes ?? []) as GatewayRoute[]).filter((r) => ipFamily(r.gateway));
    const unique = [...new Map(routes.map((r) => [zoned(r, os), r])).entries()];
    if (unique.length === 0) {
      throw new SkipProbe({
        ja: "ping できるゲートウェイのアドレスがありません",
        en: "There is no gateway address to ping (no default route through a router)",
      });
    }
    const cfg = ctx.config.ping;
    const limits = {
      lossWarnPercent: cfg.lossWarnPercent,
      rttWarnMs: cfg.lanRttWarnMs,
      jitterWarnMs: cfg.jitterWarnMs,
    };
    const finished: PingTarget[] = [];
    const runs = await Promise.all(unique.map(async ([target, r]) => {
      const spec = {
        target,
        family: r.family,
        count: cfg.count,
        intervalMs: cfg.intervalMs,
        waitMs: cfg.waitMs,
      };
      const run = await runPing(ctx, os, spec, limits, r.interface ?? undefined);
      finished.push(run.record);
      ctx.checkpoint({ targets: [...finished], jitterMethod: "mean-abs-consecutive-diff" });
      ctx.progress({ fraction: finished.length / unique.length, note: target });
      return run;
    }));
    const targets = runs.map((r) => r.record);
    return {
      ...summarizePings(targets, { ja: "ゲートウェイ", en: "gateways" }),
      data: { targets, jitterMethod: "mean-abs-consecutive-diff" },
      evidence: runs.map((r) => r.evidence),
    };
  },
});

/**
 * The address to ping: a link-local IPv6 gateway needs its zone (`fe80::1%eth0`; on Windows
 * the interface index, `fe80::1%12`).
 */
function zoned(r: GatewayRoute, os: Platform): string {
  if (r.family !== 6 || !/^fe80:/i.test(r.gateway) || r.gateway.includes("%")) return r.gateway;
  const zone = os === "windows"
    ? r.ifIndex ?? (/^\d+$/.test(r.interface ?? "") ? r.interface : null)
    : r.interface;
  return zone ? `${r.gateway}%${zone}` : r.gateway;
}
