/**
 * `isp.ping`: loss, RTT and jitter to the provider: the first routers beyond the home router
 * (found by TTL-limited echoes towards the anchors) and the provider's own hosts
 * (`ping.provider`). Measured at the same time as the router (`lan.gateway.ping`) and the
 * anchors (`internet.ping`), so `path.loss` can tell where loss starts.
 *
 * @module
 */
import { z } from "zod";
import type { PathTarget } from "../config_paths.ts";
import { discoverHops, type FoundHop } from "../lib/hop_discover.ts";
import { familyOf, type PingTarget, pingTargetSchema, runPing } from "../lib/ping_run.ts";
import { summarizePings } from "../lib/ping_summary.ts";
import { defineProbe, type Evidence, SkipProbe } from "../types.ts";

/** One provider point: a hop (with its TTL) or an on-net host. */
export const ispPingTargetSchema = pingTargetSchema.extend({
  /** `hop`: a router found beyond the home router; `on-net`: a configured provider host. */
  role: z.enum(["hop", "on-net"]),
  /** Hops away from this device (the home router is 1); hops only. */
  ttl: z.number().int().optional(),
}).strict();

const schema = z.object({
  targets: z.array(ispPingTargetSchema),
  jitterMethod: z.literal("mean-abs-consecutive-diff"),
}).strict();

/** Data of `isp.ping`. */
export type IspPingData = z.infer<typeof schema>;
type IspTarget = z.infer<typeof ispPingTargetSchema>;

interface Planned {
  target: string;
  family: 4 | 6;
  role: "hop" | "on-net";
  ttl?: number;
  name?: string;
}

/** How long hop discovery waits for "time exceeded": hop 2 is the far end of the access line. */
const DISCOVER_WAIT_MS = 500;

/** The `isp.ping` probe. Requires `--allow-run=ping` (`ping6` on macOS). */
export const ispPingProbe = defineProbe({
  id: "isp.ping",
  title: { ja: "プロバイダーへの ping", en: "Ping to the provider" },
  description: {
    ja:
      "ルーターの先の最初の中継機器とプロバイダーのサーバーへの損失、往復時間、ジッターを測ります",
    en:
      "Loss, round-trip time and jitter to the first routers beyond the home router and the provider's own hosts",
  },
  segment: "isp",
  dataCategories: ["measurements", "network"],
  dependsOn: [],
  timeoutMs: 40_000,
  platforms: ["windows", "darwin", "linux"],
  schema,
  async run(ctx) {
    const os = ctx.os;
    const cfg = ctx.config.ping;
    const evidence: Evidence[] = [];
    const found = await Promise.all(
      cfg.providerHops > 0
        ? firstPerFamily(cfg.anchors).map((a) =>
          discoverHops(ctx, os, a, cfg.providerHops, Math.min(cfg.waitMs, DISCOVER_WAIT_MS))
        )
        : [],
    );
    const planned: Planned[] = [
      ...found.flatMap((f, i) => {
        evidence.push(...f.evidence);
        return f.hops.map((h: FoundHop) => ({
          target: h.address,
          family: firstPerFamily(cfg.anchors)[i].family,
          role: "hop" as const,
          ttl: h.ttl,
        }));
      }),
      ...cfg.provider.map((p) => ({
        target: p.address,
        family: familyOf(p.address, p.family),
        role: "on-net" as const,
        ...(p.name ? { name: p.name } : {}),
      })),
    ];
    if (planned.length === 0) {
      throw new SkipProbe(
        cfg.providerHops > 0 && cfg.anchors.length > 0
          ? {
            ja: "ルーターの先の中継機器が見つからず、プロバイダーのサーバーも設定されていません",
            en: "No router beyond the home router answered, and no provider host is configured",
          }
          : {
            ja: "プロバイダー側の ping の宛先が設定されていません",
            en: "Nothing at the provider to ping (ping.provider, ping.providerHops)",
          },
      );
    }
    const limits = {
      lossWarnPercent: cfg.lossWarnPercent,
      rttWarnMs: cfg.internetRttWarnMs,
      jitterWarnMs: cfg.jitterWarnMs,
    };
    const finished: PingTarget[] = [];
    const runs = await Promise.all(planned.map(async (p) => {
      const spec = {
        target: p.target,
        family: p.family,
        count: cfg.count,
        intervalMs: cfg.intervalMs,
        waitMs: cfg.waitMs,
      };
      const r = await runPing(ctx, os, spec, limits, p.name);
      finished.push(r.record);
      ctx.progress({ fraction: finished.length / planned.length, note: p.target });
      const record: IspTarget = { ...r.record, role: p.role, ...(p.ttl ? { ttl: p.ttl } : {}) };
      return { record, evidence: r.evidence };
    }));
    const targets = runs.map((r) => r.record);
    return {
      ...summarizePings(targets, { ja: "プロバイダー側の宛先", en: "provider points" }),
      data: { targets, jitterMethod: "mean-abs-consecutive-diff" },
      evidence: [...evidence, ...runs.map((r) => r.evidence)],
    };
  },
});

/** The first anchor of each family: where the hops towards the internet are looked for. */
function firstPerFamily(anchors: readonly PathTarget[]): { address: string; family: 4 | 6 }[] {
  const out = new Map<4 | 6, string>();
  for (const a of anchors) {
    const f = familyOf(a.address, a.family);
    if (!out.has(f)) out.set(f, a.address);
  }
  return [...out].map(([family, address]) => ({ address, family }));
}
