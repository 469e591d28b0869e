/**
 * `internet.ping`: loss, RTT and jitter to public anchors over IPv4 and IPv6, with the OS's
 * own ping (parsed whatever the locale), all anchors at once.
 *
 * @module
 */
import { z } from "zod";
import { familyOf, type PingTarget, pingTargetSchema, runPing } from "../lib/ping_run.ts";
import { summarizePings } from "../lib/ping_summary.ts";
import { defineProbe, SkipProbe } from "../types.ts";

const schema = z.object({
  targets: z.array(pingTargetSchema),
  /** How jitter was computed, so a reader of the report need not guess. */
  jitterMethod: z.literal("mean-abs-consecutive-diff"),
}).strict();

/** Data of `internet.ping`. */
export type InternetPingData = z.infer<typeof schema>;

/** The `internet.ping` probe. Requires `--allow-run=ping` (`ping6` on macOS). */
export const internetPingProbe = defineProbe({
  id: "internet.ping",
  title: { ja: "インターネットへの ping", en: "Ping to the internet" },
  description: {
    ja: "公開の基準点 (IPv4・IPv6) への損失、往復時間、ジッターを測ります",
    en: "Loss, round-trip time and jitter to public anchors over IPv4 and IPv6",
  },
  segment: "internet",
  dataCategories: ["measurements", "network"],
  dependsOn: [],
  timeoutMs: 40_000,
  platforms: ["windows", "darwin", "linux"],
  schema,
  async run(ctx) {
    const os = ctx.os;
    const cfg = ctx.config.ping;
    if (cfg.anchors.length === 0) {
      throw new SkipProbe({
        ja: "ping の宛先が設定されていません",
        en: "No ping anchors configured",
      });
    }
    const limits = {
      lossWarnPercent: cfg.lossWarnPercent,
      rttWarnMs: cfg.internetRttWarnMs,
      jitterWarnMs: cfg.jitterWarnMs,
    };
    const finished: PingTarget[] = [];
    const runs = await Promise.all(cfg.anchors.map(async (a) => {
      const spec = {
        target: a.address,
        family: familyOf(a.address, a.family),
        count: cfg.count,
        intervalMs: cfg.intervalMs,
        waitMs: cfg.waitMs,
      };
      const r = await runPing(ctx, os, spec, limits, a.name);
      finished.push(r.record);
      ctx.checkpoint({ targets: [...finished], jitterMethod: "mean-abs-consecutive-diff" });
      ctx.progress({ fraction: finished.length / cfg.anchors.length, note: a.address });
      return r;
    }));
    const targets = runs.map((r) => r.record);
    const outcome = summarizePings(targets, { ja: "基準点", en: "anchors" });
    return {
      ...outcome,
      data: { targets, jitterMethod: "mean-abs-consecutive-diff" },
      evidence: runs.map((r) => r.evidence),
    };
  },
});
