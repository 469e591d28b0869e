/**
 * `path.loss`: where loss starts. Reads the ping series that ran at the same time to the
 * home router, the provider's hops and hosts and the anchors, judges them on 95 % intervals
 * (`lib/loss_localise.ts`), and when that cannot decide yet — a lost echo or two, or loss
 * whose start the intervals cannot place — pings every point of that family again, several
 * series at once, until it can or the budget (`ping.adaptiveBudgetMs`, ≤ 10 s) is spent.
 * A healthy path decides at once and costs nothing.
 *
 * @module
 */
import type { z } from "zod";
import { failureRate } from "../../util/stats.ts";
import { pathLossSchema as schema } from "../lib/path_loss_schema.ts";
import { localiseLoss, type LossVerdict } from "../lib/loss_localise.ts";
import { chainOf, type PingRecordLike, pointsFrom, sizePairs } from "../lib/loss_points.ts";
import { judgeSize } from "../lib/size_loss.ts";
import { EXTEND_STREAMS, type ExtendedPoint, extendSeries } from "../lib/loss_extend.ts";
import { defineProbe, isMeasured, type ProbeContext } from "../types.ts";
import type { Localized } from "../../util/text.ts";

/** Data of `path.loss`. */
export type PathLossData = z.infer<typeof schema>;

/** The `path.loss` probe. Requires `--allow-run=ping` (`ping6` on macOS) for extra rounds. */
export const pathLossProbe = defineProbe({
  id: "path.loss",
  title: { ja: "損失の発生箇所", en: "Where loss starts" },
  description: {
    ja:
      "ルーター、プロバイダー、インターネットへの同時の ping を比べ、損失が始まる区間を調べます (足りなければ追加で測ります)",
    en:
      "Compares simultaneous pings to the router, the provider and the internet to find where loss starts, measuring more when that is unclear",
  },
  segment: "isp",
  dataCategories: ["measurements", "network"],
  dependsOn: ["lan.gateway.ping", "isp.ping", "internet.ping"],
  timeoutMs: 30_000,
  platforms: ["windows", "darwin", "linux"],
  schema,
  async run(ctx) {
    const points: ExtendedPoint[] = pointsFrom({
      gateway: records(ctx, "lan.gateway.ping"),
      isp: records(ctx, "isp.ping"),
      anchors: records(ctx, "internet.ping"),
    });
    const budgetMs = ctx.config.ping.adaptiveBudgetMs;
    const judge = () => ({
      verdicts: localiseLoss(chainOf(points)),
      sizes: sizePairs(points).map((pair) => ({
        pair,
        verdict: judgeSize(pair.small, pair.large),
      })),
    });
    let now = judge();
    const t0 = performance.now();
    let rounds = 0;
    let added = 0;
    while (!ctx.signal.aborted) {
      const families = new Set(
        now.verdicts.filter((v) => v.kind === "unlocalised" || v.kind === "undecided")
          .map((v) => v.family),
      );
      const sizes = now.sizes.filter((s) => s.verdict.kind === "undecided");
      if (families.size === 0 && sizes.length === 0) break;
      const todo = new Set([
        ...chainOf(points).filter((p) => families.has(p.family)),
        ...sizes.flatMap((s) => [s.pair.small, s.pair.large]),
      ]);
      const r = await extendSeries(ctx, [...todo], budgetMs - (performance.now() - t0));
      if (r === null) break;
      rounds++;
      added += r;
      now = judge();
      ctx.progress({ note: `+${added}` });
    }
    const verdicts = now.verdicts;
    const usedMs = Math.round(performance.now() - t0);
    const data: PathLossData = {
      healthyLoss: 0.01,
      points: points.map(record),
      verdicts,
      sizes: now.sizes.map(({ pair, verdict }) => ({
        target: pair.large.target,
        family: pair.large.family,
        payloadBytes: pair.large.payloadBytes!,
        ...verdict,
      })),
      adaptive: { budgetMs, usedMs, rounds, streams: EXTEND_STREAMS, addedEchoes: added },
    };
    return { ...outcome(verdicts, points.length, data.sizes), data };
  },
});

function records(ctx: ProbeContext, id: string): PingRecordLike[] {
  const r = ctx.deps[id];
  if (!r || !isMeasured(r.status)) return [];
  const t = (r.data as { targets?: unknown }).targets;
  return Array.isArray(t) ? t as PingRecordLike[] : [];
}

function record(p: ExtendedPoint): PathLossData["points"][number] {
  return {
    role: p.role,
    segment: p.segment,
    position: p.position,
    ...(p.name ? { name: p.name } : {}),
    target: p.target,
    ...(p.payloadBytes ? { payloadBytes: p.payloadBytes } : {}),
    family: p.family,
    sent: p.sent,
    lost: p.lost,
    rate: failureRate(p.lost, p.sent),
    series: [{ intervalMs: p.intervalMs, samples: p.samples }, ...(p.extra ?? [])],
  };
}

function outcome(
  verdicts: readonly LossVerdict[],
  n: number,
  sizes: PathLossData["sizes"],
): { status: "ok" | "warn" | "skipped"; summary: Localized; reason?: Localized } {
  if (n === 0 || verdicts.length === 0) {
    const reason = {
      ja: "比べられる ping の結果がありません",
      en: "No ping series to compare (router, provider and anchors were not measured)",
    };
    return { status: "skipped", summary: reason, reason };
  }
  const found = verdicts.filter((v) => v.kind !== "clean");
  const big = sizes.filter((s) => s.kind !== "none");
  if (found.length === 0 && big.length === 0) {
    return {
      status: "ok",
      summary: { ja: "損失は見られません", en: "No loss beyond the healthy range" },
    };
  }
  const line = [
    ...found.map((v) => describe(v)),
    ...big.map((s) => ({
      ja: `${s.target}: 大きなパケットだけの損失${
        s.kind === "undecided" ? " (判定できません)" : ""
      }`,
      en: `${s.target}: large frames lost${s.kind === "undecided" ? " (inconclusive)" : ""}`,
    })),
  ];
  return {
    status: "warn",
    summary: { ja: line.map((l) => l.ja).join("。"), en: line.map((l) => l.en).join("; ") },
  };
}

function describe(v: LossVerdict): Localized {
  const fam = `IPv${v.family}`;
  switch (v.kind) {
    case "localised":
      return {
        ja: `${fam}: 損失は ${v.segment} 区間から`,
        en: `${fam}: loss starts in ${v.segment}`,
      };
    case "unlocalised":
      return {
        ja: `${fam}: 損失あり、${v.from}〜${v.to} のどこからか判別できません`,
        en: `${fam}: loss somewhere from ${v.from} to ${v.to}, start unclear`,
      };
    case "undecided":
      return {
        ja: `${fam}: 少しの損失 (判定できません)`,
        en: `${fam}: a little loss, inconclusive`,
      };
    default:
      return { ja: `${fam}: 損失なし`, en: `${fam}: no loss` };
  }
}
