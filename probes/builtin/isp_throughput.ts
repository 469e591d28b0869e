/**
 * `isp.throughput`: capacity in each direction, idle latency, latency under load
 * (bufferbloat), jitter and responsiveness (RPM) against the configured speed test servers,
 * on-net first, with the use-case verdicts and an on-net/off-net comparison. The engine is
 * in `speed/`; this file plans the run, shares the time and data budget between servers and
 * words the result.
 *
 * Requires `--allow-net`.
 *
 * @module
 */
import { budgetNote, planSpeed, PROBE_LIMIT_MS } from "../../speed/budget.ts";
import { measureServer } from "../../speed/engine.ts";
import {
  type ServerResult,
  type ThroughputData,
  throughputDataSchema,
} from "../../speed/schema.ts";
import {
  compareServers,
  comparisonSummary,
  evidenceText,
  serverSummary,
} from "../../speed/summary.ts";
import { defineProbe, type ProbeOutcome, SkipProbe } from "../types.ts";

/** Bufferbloat grades that make the result a warning (60 ms or more added under load). */
const BLOATED = new Set(["C", "D", "F"]);

/** The probe. */
export const ispThroughputProbe = defineProbe({
  id: "isp.throughput",
  title: { ja: "通信速度と負荷時の遅延", en: "Speed and latency under load" },
  description: {
    ja:
      "速度測定サーバーとの間で下り・上りの速度、待ち時間、負荷時の遅延 (バッファブロート)、応答性 (RPM) を測ります",
    en:
      "Measures download and upload capacity, idle latency, latency under load (bufferbloat) and responsiveness (RPM) against speed test servers",
  },
  segment: "isp",
  dataCategories: ["measurements"],
  dependsOn: [],
  timeoutMs: PROBE_LIMIT_MS,
  platforms: ["windows", "darwin", "linux"],
  schema: throughputDataSchema,
  async run(ctx): Promise<ProbeOutcome<ThroughputData>> {
    const cfg = ctx.config.throughput;
    if (cfg.servers.length === 0) {
      throw new SkipProbe({
        ja: "速度測定サーバーが設定されていません",
        en: "No speed test server configured",
      });
    }
    // On-net first: if time runs short, the access line is what matters most.
    const servers = [...cfg.servers].sort((a, b) =>
      Number(a.kind !== "on-net") - Number(b.kind !== "on-net")
    );
    const plan = planSpeed(cfg, servers.length);
    ctx.progress({ fraction: 0, note: budgetNote(plan)[ctx.lang] });
    const results: ServerResult[] = [];
    const data = (): ThroughputData => ({
      budget: {
        metered: plan.metered,
        maxBytes: plan.maxBytes,
        usedBytes: results.reduce((n, r) => n + r.bytesUsed, 0),
        directionMs: plan.directionMs,
      },
      servers: [...results],
      comparison: compareServers(results),
    });
    const perServer = plan.idleMs + 2 * plan.directionMs;
    for (const [i, server] of servers.entries()) {
      if (ctx.signal.aborted) break;
      const left = plan.maxBytes - data().budget.usedBytes;
      results.push(
        await measureServer({
          server,
          plan,
          budgetBytes: Math.min(plan.serverBytes, left),
          signal: ctx.signal,
          onProgress: (p) => {
            const at = p.phase === "idle"
              ? 0
              : p.phase === "download"
              ? plan.idleMs
              : plan.idleMs + plan.directionMs;
            ctx.progress({
              fraction: Math.min(
                1,
                (i * perServer + at + p.elapsedMs) / (servers.length * perServer),
              ),
              note: `${server.name ?? new URL(server.url).host}: ${p.phase}${
                p.mbps !== undefined ? ` ${p.mbps.toFixed(1)} Mbit/s x${p.streams}` : ""
              }`,
            });
          },
        }),
      );
      ctx.checkpoint(data());
    }
    return outcome(data());
  },
});

/** Judges the data and words it. */
export function outcome(d: ThroughputData): ProbeOutcome<ThroughputData> {
  const measured = d.servers.filter((s) => s.download?.mbps != null || s.upload?.mbps != null);
  const main = measured[0] ?? d.servers[0];
  const status = measured.length === 0 ? "fail" : d.servers.some((s) => s.outcome !== "ok") ||
      measured.some((s) => BLOATED.has(s.bufferbloat.grade ?? "")) ||
      d.comparison?.finding === "beyond-access"
    ? "warn"
    : "ok";
  const lines = [serverSummary(main), ...measured.filter((s) => s !== main).map(serverSummary)];
  const cmp = comparisonSummary(d.comparison);
  if (cmp) lines.push(cmp);
  return {
    status,
    summary: { ja: lines.map((l) => l.ja).join("\n"), en: lines.map((l) => l.en).join("\n") },
    data: d,
    evidence: [{ label: "speed test", text: evidenceText(d) }],
  };
}
