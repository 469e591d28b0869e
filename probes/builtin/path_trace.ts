/**
 * `path.trace`: the route to each trace target with per-hop loss and RTT over several
 * rounds (mtr-style), telling rate-limiting routers (loss at a hop that later hops do not
 * show: not a fault) from loss that persists to the destination.
 *
 * @module
 */
import { z } from "zod";
import type { PathTarget } from "../config_paths.ts";
import { describeFailure } from "../lib/exec.ts";
import { ParseError } from "../parse/parse_error.ts";
import { parseTrace, type TraceResult } from "../parse/traceroute.ts";
import { familyOf } from "../lib/ping_run.ts";
import { traceBudgetMs, traceCommands, type TraceSpec } from "../lib/trace_command.ts";
import { aggregateTraces } from "../lib/trace_stats.ts";
import { judgeTrace, traceVerdict } from "../lib/trace_verdict.ts";
import { type TracedTarget, tracedTargetSchema } from "../lib/traced_target.ts";
import {
  defineProbe,
  type Evidence,
  type Platform,
  type ProbeContext,
  SkipProbe,
} from "../types.ts";
import type { Localized } from "../../util/text.ts";

const schema = z.object({ targets: z.array(tracedTargetSchema) }).strict();

/** Data of `path.trace`. */
export type PathTraceData = z.infer<typeof schema>;

/**
 * The `path.trace` probe. Requires `--allow-run` for traceroute/tracepath (Linux),
 * traceroute/traceroute6 (macOS) or tracert (Windows). Needs no admin rights.
 */
export const pathTraceProbe = defineProbe({
  id: "path.trace",
  title: { ja: "経路 (トレースルート)", en: "Route trace" },
  description: {
    ja: "宛先までの経路をホップごとに数回測り、損失がどこから始まるかを調べます",
    en: "Traces the route several times to find the hop where loss begins",
  },
  segment: "isp",
  dataCategories: ["measurements", "network"],
  dependsOn: [],
  timeoutMs: 180_000,
  platforms: ["windows", "darwin", "linux"],
  schema,
  async run(ctx) {
    const os = ctx.os;
    const cfg = ctx.config.trace;
    if (cfg.targets.length === 0) {
      throw new SkipProbe({
        ja: "経路を調べる宛先が設定されていません",
        en: "No trace targets configured",
      });
    }
    const done: TracedTarget[] = [];
    const runs = await Promise.all(cfg.targets.map(async (t) => {
      const r = await traceTarget(ctx, os, t);
      done.push(r.record);
      ctx.checkpoint({ targets: [...done] });
      ctx.progress({ fraction: done.length / cfg.targets.length, note: t.address });
      return r;
    }));
    const targets = runs.map((r) => r.record);
    return {
      ...traceVerdict(targets),
      data: { targets },
      evidence: runs.flatMap((r) => r.evidence),
    };
  },
});

async function traceTarget(
  ctx: ProbeContext,
  os: Platform,
  t: PathTarget,
): Promise<{ record: TracedTarget; evidence: Evidence[] }> {
  const cfg = ctx.config.trace;
  const spec: TraceSpec = {
    target: t.address,
    family: familyOf(t.address, t.family),
    probesPerHop: cfg.probesPerHop,
    maxHops: cfg.maxHops,
    waitMs: cfg.waitMs,
  };
  const traces: TraceResult[] = [];
  const evidence: Evidence[] = [];
  let problem: Localized | null = null;
  for (let round = 1; round <= cfg.rounds && !ctx.signal.aborted; round++) {
    const one = await traceOnce(ctx, os, spec);
    evidence.push(...one.evidence);
    if (!one.trace) {
      problem = one.reason;
      break;
    }
    traces.push(one.trace);
    ctx.progress({ note: `${t.address}: ${round}/${cfg.rounds}` });
    // An unreached target would cost every later round all the silent hops: stop two past the last answer.
    if (!one.trace.reached) {
      const last = one.trace.hops.findLast((h) => h.probes.some((p) => p.rttMs !== null))?.ttl ?? 0;
      spec.maxHops = Math.min(spec.maxHops, last + 2);
    }
  }
  const base = { ...(t.name ? { name: t.name } : {}), target: t.address, family: spec.family };
  if (traces.length === 0) {
    const reason = problem ?? NO_ROUTE;
    const record: TracedTarget = {
      ...base,
      status: "skipped",
      reason,
      tool: null,
      rounds: 0,
      reached: false,
      hops: [],
      endLossPercent: null,
      rateLimitedHops: [],
      persistentLossFrom: null,
    };
    return { record, evidence };
  }
  const stats = aggregateTraces(traces);
  return {
    record: {
      ...base,
      ...judgeTrace(stats),
      tool: traces[0].tool,
      rounds: traces.length,
      ...stats,
    },
    evidence,
  };
}

/** One trace with the first tool that exists; a reason instead when none could run. */
async function traceOnce(
  ctx: ProbeContext,
  os: Platform,
  spec: TraceSpec,
): Promise<{ trace: TraceResult | null; reason: Localized; evidence: Evidence[] }> {
  const missing: string[] = [];
  for (const line of traceCommands(os, spec)) {
    const r = await ctx.exec(line.cmd, line.args, {
      signal: ctx.signal,
      timeoutMs: traceBudgetMs(os, spec),
    });
    if (r.failure === "not-found") {
      missing.push(line.cmd);
      continue;
    }
    const text = r.stderr.trim() ? `${r.stdout}\n${r.stderr}` : r.stdout;
    const evidence = [{ label: r.command, text }];
    if (!r.ok && r.failure !== "exit-code" && r.failure !== "timeout") {
      return { trace: null, reason: describeFailure(r), evidence };
    }
    try {
      return { trace: parseTrace(text, { os }), reason: NO_ROUTE, evidence };
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      const said = text.trim().split("\n").at(-1) ?? "";
      return {
        trace: null,
        reason: r.failure ? describeFailure(r) : {
          ja: `${line.cmd} が経路を出力しませんでした: ${said}`,
          en: `${line.cmd} printed no route: ${said}`,
        },
        evidence,
      };
    }
  }
  const reason = {
    ja: `コマンド ${missing.join("、")} が見つかりません`,
    en: missing.length > 1
      ? `None of ${missing.join(", ")} was found`
      : `Command ${missing[0]} was not found`,
  };
  return { trace: null, reason, evidence: [] };
}

const NO_ROUTE: Localized = { ja: "経路を測れませんでした", en: "The route could not be traced" };
