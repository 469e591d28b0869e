/**
 * Events of the path: each drop and recovery of a segment, loss, slowness and DNS failures,
 * each attributed to the segment where it starts. A run of samples becomes an event only when
 * its pooled counts support it at 95 %: one lost echo never does, and loss is placed at a
 * segment only when it is significantly higher there than before it (Newcombe's interval of
 * the difference excludes 0). Pure.
 *
 * @module
 */
import type { WatchEvent } from "../report/watch_schema.ts";
import { describeRate, failureRate, median, rateDifference } from "../util/stats.ts";
import type { Localized } from "../util/text.ts";
import { dnsText, lossText, outageText, slowText, span } from "./event_text.ts";
import { clockTime } from "./local_time.ts";
import {
  before,
  type Counts,
  PATH,
  pathOrder,
  type PathSegment,
  type PathState,
  pathState,
  rateLimitedPoints,
} from "./path_state.ts";
import { type Run, runsOf } from "./runs.ts";
import type { Reading, Sample } from "./sample.ts";

/** Thresholds and the clock of the analysis. */
export interface AnalysisOptions {
  /** The planned interval between samples, ms. */
  everyMs: number;
  /** Loss whose 95 % interval lies wholly above this share is an event. */
  lossLimit: number;
  /** Slower by more than this many ms and by this factor than the point's median. */
  slowAddedMs: number;
  slowFactor: number;
  /** The time zone the watch ran in. */
  timeZone: string;
}

/** An event before it gets its id. */
export type Unnumbered = Omit<WatchEvent, "id">;

/** Slowness needs this many slow samples in a run (medians of every echo, not one echo). */
export const MIN_SLOW_SAMPLES = 3;

/** A DNS run is an event when its failure share's interval lies wholly above this. */
const DNS_FAILURE_LIMIT = 0.2;

/** Finds the path's events in `samples` (oldest first). */
export function pathEvents(samples: readonly Sample[], opts: AnalysisOptions): Unnumbered[] {
  const limited = rateLimitedPoints(samples);
  const states = samples.map((s) => pathState(s, limited));
  const when = whenOf(samples, opts);
  const out: Unnumbered[] = [];
  // Nearest segment first: trouble downstream while a segment upstream is in trouble is the
  // upstream's (a sample whose provider points happened to lose nothing, inside a window of
  // loss on the access line, is not loss "beyond the provider").
  const explained = samples.map(() => false);
  for (const seg of PATH) {
    const flags = states.map((s, i) => !explained[i] && (s.dark === seg || s.lossAt === seg));
    // A sample beside a drop here that saw this segment lose echoes and everything beyond it
    // dark straddled the drop's edge (what went out before the line came back was lost): the
    // drop's, not a drop further on.
    const dropHere = (i: number) => states[i]?.dark === seg && !explained[i];
    for (let i = 0; i < states.length; i++) {
      const s = states[i];
      if (flags[i] || explained[i] || s.dark === null || !before(s.dark).includes(seg)) continue;
      if ((s.counts[seg]?.lost ?? 0) > 0 && (dropHere(i - 1) || dropHere(i + 1))) flags[i] = true;
    }
    for (const run of runsOf(flags, true)) {
      const e = lossOrOutage(seg, run, states, samples, when(run), opts.lossLimit);
      if (!e) continue;
      out.push(e);
      for (let i = run.start; i < run.end; i++) explained[i] = true;
    }
  }
  out.push(...slowEvents(samples, states, opts, when, explained));
  out.push(...dnsEvents(samples, states, when, explained));
  return out.sort((a, b) => a.from.localeCompare(b.from));
}

type When = (run: Run) => { from: string; to: string | null; text: Localized; n: number };

function whenOf(samples: readonly Sample[], opts: AnalysisOptions): When {
  const secs = opts.everyMs < 60_000;
  return (run) => {
    const to = samples[run.end]?.at ?? null;
    return {
      from: new Date(samples[run.start].at).toISOString(),
      to: to === null ? null : new Date(to).toISOString(),
      text: span(
        clockTime(samples[run.start].at, opts.timeZone, secs),
        to === null ? null : clockTime(to, opts.timeZone, secs),
      ),
      n: run.end - run.start,
    };
  };
}

function pool(states: readonly PathState[], run: Run, segs: readonly PathSegment[]): Counts {
  let sent = 0;
  let lost = 0;
  for (let i = run.start; i < run.end; i++) {
    for (const s of segs) {
      sent += states[i].counts[s]?.sent ?? 0;
      lost += states[i].counts[s]?.lost ?? 0;
    }
  }
  return { sent, lost };
}

function lossOrOutage(
  seg: PathSegment,
  run: Run,
  states: readonly PathState[],
  samples: readonly Sample[],
  when: ReturnType<When>,
  lossLimit: number,
): Unnumbered | null {
  const here = pool(states, run, [seg]);
  const prior = pool(states, run, before(seg));
  if (here.sent === 0) return null;
  const rate = failureRate(here.lost, here.sent);
  const priorRate = prior.sent ? failureRate(prior.lost, prior.sent) : null;
  const diff = priorRate ? rateDifference(rate, priorRate) : null;
  const darkSamples = states.slice(run.start, run.end).filter((s) => s.dark === seg).length;
  const evidence = {
    samples: when.n,
    darkSamples,
    loss: rate,
    ...(priorRate ? { lossBefore: priorRate, difference: diff } : {}),
  };
  const base = { segment: seg, from: when.from, to: when.to, samples: when.n, evidence };
  if (darkSamples > 0) {
    const measured = (s: PathSegment) =>
      samples.some((x) => x.readings.some((r) => r.segment === s));
    const t = outageText(seg, when.text, {
      routerMeasured: measured("lan"),
      providerMeasured: measured("isp"),
      samples: when.n,
    });
    return { ...base, kind: "outage", severity: "fail", ...t };
  }
  // Loss is an event when it is surely above the limit, and surely starts here.
  if (rate.low <= lossLimit) return null;
  if (diff && diff.low <= 0) return null;
  return {
    ...base,
    kind: "loss",
    severity: "warn",
    ...lossText(seg, when.text, describeRate(rate)),
  };
}

function slowEvents(
  samples: readonly Sample[],
  states: readonly PathState[],
  opts: AnalysisOptions,
  when: When,
  explained: readonly boolean[],
): Unnumbered[] {
  const base = new Map<string, number>();
  for (const key of new Set(samples.flatMap((s) => s.readings.map((r) => r.key)))) {
    const m = median(
      samples.flatMap((s) => s.readings.filter((r) => r.key === key && r.rttMs !== null))
        .map((r) => r.rttMs!),
    );
    if (m !== null) base.set(key, m);
  }
  const slow = (r: Reading) => {
    const b = base.get(r.key);
    return b !== undefined && r.rttMs !== null && r.rttMs > b * opts.slowFactor &&
      r.rttMs > b + opts.slowAddedMs;
  };
  // The usual gap between each line resolver and the public one, sample by sample.
  const publicOf = (s: Sample) =>
    s.readings.find((r) => r.kind === "dns" && r.role === "public" && r.rttMs !== null);
  const usualGap = new Map<string, number>();
  for (const key of base.keys()) {
    const gaps = samples.flatMap((s) => {
      const r = s.readings.find((x) => x.key === key && x.kind === "dns" && x.rttMs !== null);
      const p = publicOf(s);
      return r && p && r !== p ? [r.rttMs! - p.rttMs!] : [];
    });
    const m = median(gaps);
    if (m !== null) usualGap.set(key, m);
  }
  const slowerThanPublic = (s: Sample, r: Reading) => {
    const p = publicOf(s);
    const usual = usualGap.get(r.key);
    if (!p || usual === undefined) return true; // nothing to compare with: the absolute rule
    return r.rttMs! - p.rttMs! - usual > opts.slowAddedMs;
  };
  const out: Unnumbered[] = [];
  // The IP path: slowness placed where it starts and persists to the end of the path.
  const slowAt = samples.map((s, i) => {
    if (states[i].dark !== null || explained[i]) return null;
    const answered = s.readings.filter((r) => r.kind !== "dns" && r.sent > 0 && r.rttMs !== null);
    // Echo times come from the kernel's timestamps; connect times are taken by this process
    // and grow when the device itself is busy. A segment with echoes is judged by them.
    const ip = answered.filter((r) =>
      r.kind === "ping" || !answered.some((x) => x.kind === "ping" && x.segment === r.segment)
    );
    const segs = PATH.filter((p) => ip.some((r) => r.segment === p));
    const bad = (p: PathSegment) => ip.some((r) => r.segment === p && slow(r));
    for (let k = 0; k < segs.length; k++) {
      if (segs.slice(k).every(bad)) return segs[k];
    }
    return null;
  });
  const line = (r: Reading) => r.kind === "dns" && (r.role === "system" || r.role === "provider");
  for (const seg of [...PATH, "dns"] as const) {
    // DNS is slow when the line's resolvers are slower than a public resolver asked at the
    // same moment, by more than usual: a busy device slows every lookup alike, and that
    // common part cancels in the difference (seen in the lab under heavy load).
    const flags = seg === "dns"
      ? samples.map((s, i) =>
        states[i].dark === null && !explained[i] &&
        s.readings.some((r) => line(r) && slow(r) && slowerThanPublic(s, r))
      )
      : slowAt.map((x) => x === seg);
    for (const run of runsOf(flags, true)) {
      // Three slow samples at least: one or two can be the device itself busy or pausing.
      if (flags.slice(run.start, run.end).filter(Boolean).length < MIN_SLOW_SAMPLES) continue;
      const pick = (r: Reading) => (seg === "dns" ? line(r) : r.segment === seg);
      const ref = samples[run.start].readings.filter((r) => pick(r) && slow(r))
        .sort((a, b) => pathOrder(a) - pathOrder(b))[0];
      if (!ref) continue;
      const during = median(
        samples.slice(run.start, run.end).flatMap((s) =>
          s.readings.filter((r) => r.key === ref.key && r.rttMs !== null).map((r) => r.rttMs!)
        ),
      )!;
      const w = when(run);
      const ms = { base: base.get(ref.key)!, during };
      out.push({
        kind: "slow",
        segment: seg,
        from: w.from,
        to: w.to,
        samples: w.n,
        severity: "warn",
        ...slowText(seg, w.text, ms),
        evidence: { point: ref.key, medianMs: ms.base, medianDuringMs: during, samples: w.n },
      });
    }
  }
  return out;
}

function dnsEvents(
  samples: readonly Sample[],
  states: readonly PathState[],
  when: When,
  explained: readonly boolean[],
) {
  // DNS over a path that is down, or losing packets before the provider's resolver, fails
  // as a consequence: those samples are the path's events, not DNS's.
  // A sample beside such an event straddled its edge: lookups it sent while the path was
  // still dark failed with it. When the public resolver failed alike (or was not asked), the
  // failure is the dark's; when it answered, the line's resolver failed on its own.
  const atEdge = (i: number) => {
    const p = states[i].publicDns;
    return (explained[i - 1] === true || explained[i + 1] === true) &&
      (p === null || p.sent === 0 || p.lost / p.sent >= 0.5);
  };
  const flags = states.map((s, i) =>
    !explained[i] && s.dark === null && s.lossAt !== "lan" && s.lossAt !== "isp" &&
    s.dns !== null && s.dns.sent > 0 && s.dns.lost / s.dns.sent >= 0.5 && !atEdge(i)
  );
  const out: Unnumbered[] = [];
  for (const run of runsOf(flags, true)) {
    let sent = 0, lost = 0, pSent = 0, pLost = 0;
    const rcodes: Record<string, number> = {};
    for (let i = run.start; i < run.end; i++) {
      sent += states[i].dns?.sent ?? 0;
      lost += states[i].dns?.lost ?? 0;
      pSent += states[i].publicDns?.sent ?? 0;
      pLost += states[i].publicDns?.lost ?? 0;
      for (const r of samples[i].readings) {
        if (r.kind !== "dns" || r.role === "public") continue;
        for (const [k, v] of Object.entries(r.rcodes ?? {})) rcodes[k] = (rcodes[k] ?? 0) + v;
      }
    }
    const rate = failureRate(lost, sent);
    if (rate.low <= DNS_FAILURE_LIMIT) continue;
    const publicRate = pSent ? failureRate(pLost, pSent) : null;
    const w = when(run);
    out.push({
      kind: "dns-failure",
      segment: "dns",
      from: w.from,
      to: w.to,
      samples: w.n,
      severity: "fail",
      ...dnsText(w.text, describeRate(rate), publicRate ? publicRate.high < 0.5 : null),
      evidence: { failures: rate, rcodes, ...(publicRate ? { publicFailures: publicRate } : {}) },
    });
  }
  return out;
}
