/**
 * A watch's timeline for one segment, drawn on the server as SVG: each point's median time per
 * sample (a line that breaks where nothing answered), losses as red ticks along the bottom,
 * the segment's events shaded across the plot and the busy hours tinted behind it. No script;
 * every label is escaped text.
 *
 * @module
 */
import type { WatchBlock, WatchSeries } from "../watch_schema.ts";
import { niceMax, round } from "./format.ts";

import { WATCH_UI } from "./watch_i18n.ts";
import type { Lang } from "../../util/text.ts";

const W = 640;
const H = 190;
const PAD = { l: 52, r: 12, t: 24, b: 34 };
const PLOT_W = W - PAD.l - PAD.r;
const PLOT_H = H - PAD.t - PAD.b;

/** What one chart draws. */
export interface TimelineProps {
  watch: WatchBlock;
  /** The series of this chart (one segment's points). */
  series: WatchSeries[];
  /** Event kinds and segments shaded on it. */
  segment: string;
  title: string;
  lang: Lang;
}

/** The span of the watch in seconds from its start. */
export function watchSpan(w: WatchBlock): number {
  const lastT = w.samples.t.at(-1) ?? 0;
  const end = w.session.endedAt
    ? (Date.parse(w.session.endedAt) - Date.parse(w.session.startedAt)) / 1000
    : 0;
  return Math.max(lastT + (w.samples.durationMs.at(-1) ?? 0) / 1000, end, 1);
}

/** Local clock text of a moment of the watch (in the zone the watch ran in). */
export function clockAt(w: WatchBlock, secs: number, withSeconds: boolean): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: w.session.timeZone,
    hour: "2-digit",
    minute: "2-digit",
    ...(withSeconds ? { second: "2-digit" } : {}),
    hourCycle: "h23",
  }).format(new Date(Date.parse(w.session.startedAt) + secs * 1000));
}

/** One segment's timeline. */
export function TimelineChart(props: TimelineProps) {
  const { watch: w, series, lang } = props;
  const span = watchSpan(w);
  const t0 = Date.parse(w.session.startedAt);
  const x = (secs: number) => PAD.l + (PLOT_W * Math.max(0, Math.min(span, secs))) / span;
  const xIso = (iso: string) => x((Date.parse(iso) - t0) / 1000);
  const values = series.flatMap((s) => s.rttMs.filter((v): v is number => v !== null)).sort(
    (a, b) => a - b,
  );
  // The 98th percentile sets the scale: one spike must not flatten the whole day.
  const top = niceMax(values.length ? values[Math.floor(0.98 * (values.length - 1))] * 1.25 : 1);
  const y = (v: number) => PAD.t + PLOT_H * (1 - Math.min(v, top) / top);
  const secs = w.session.everyMs < 60_000;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * span);
  const events = w.events.filter((e) => e.segment === props.segment || e.kind === "gap");
  const label = `${props.title}: ${series.map((s) => s.label).join(", ")} (${
    WATCH_UI.watchLatency[lang]
  }, ${WATCH_UI.watchLoss[lang]})`;
  return (
    <figure class="chart">
      <figcaption>
        {props.title}
        <span class="chart-label">{series.map((s) => s.label).join(" · ")}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" class="chart-svg timeline" aria-label={label}>
        {busyBands(w, span).map(([a, b]) => (
          <rect x={x(a)} y={PAD.t} width={Math.max(1, x(b) - x(a))} height={PLOT_H} class="busy" />
        ))}
        {events.map((e) => (
          <rect
            x={xIso(e.from)}
            y={PAD.t}
            width={Math.max(3, (e.to ? xIso(e.to) : x(span)) - xIso(e.from))}
            height={PLOT_H}
            class={`band band-${e.kind === "gap" ? "gap" : e.severity}`}
          >
            <title>{e.detail[lang]}</title>
          </rect>
        ))}
        <text x="4" y={PAD.t - 10} class="unit">ms</text>
        {[0, 0.5, 1].map((f) => (
          <g>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(top * f)} y2={y(top * f)} class="grid" />
            <text x={PAD.l - 6} y={y(top * f) + 4} text-anchor="end">
              {String(round(top * f, 2))}
            </text>
          </g>
        ))}
        {series.map((s, k) =>
          runsOf(s).map((run) => (
            <polyline
              points={run.map((i) => `${x(w.samples.t[i]).toFixed(1)},${y(s.rttMs[i]!).toFixed(1)}`)
                .join(" ")}
              class={`line s${k % 4}`}
            />
          ))
        )}
        {series.flatMap((s) =>
          s.lost.map((lost, i) =>
            lost && s.sent[i]
              ? (
                <line
                  x1={x(w.samples.t[i])}
                  x2={x(w.samples.t[i])}
                  y1={H - PAD.b}
                  y2={H - PAD.b - 4 - 14 * (lost / s.sent[i]!)}
                  class="loss-tick"
                >
                  <title>{`${s.label}: ${lost}/${s.sent[i]}`}</title>
                </line>
              )
              : null
          )
        )}
        {ticks.map((t, i) => (
          <text
            x={x(t)}
            y={H - 10}
            text-anchor={i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle"}
            class="note"
          >
            {clockAt(w, t, secs)}
          </text>
        ))}
        {series.map((s, k) => (
          <text
            x={W - PAD.r - 4}
            y={PAD.t + 12 + 14 * k}
            text-anchor="end"
            class={`legend s${k % 4}`}
          >
            {s.label}
          </text>
        ))}
      </svg>
    </figure>
  );
}

/** Index runs where a series answered, so its line breaks where nothing did. */
function runsOf(s: WatchSeries): number[][] {
  const out: number[][] = [];
  let cur: number[] = [];
  s.rttMs.forEach((v, i) => {
    if (v === null) {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(i);
  });
  if (cur.length) out.push(cur);
  // A single point still shows: as a short tick.
  return out.map((r) => (r.length === 1 ? [r[0], r[0]] : r));
}

/** The busy hours within the watch, as [from, to] seconds. */
function busyBands(w: WatchBlock, span: number): [number, number][] {
  const { from, to } = w.session.busyHours;
  const hourOf = new Intl.DateTimeFormat("en-GB", {
    timeZone: w.session.timeZone,
    hour: "2-digit",
    hourCycle: "h23",
  });
  const t0 = Date.parse(w.session.startedAt);
  const busy = (h: number) => (from <= to ? h >= from && h < to : h >= from || h < to);
  const step = Math.max(60, Math.min(600, span / 200));
  const out: [number, number][] = [];
  let open: number | null = null;
  for (let s = 0; s <= span; s += step) {
    const h = Number(hourOf.format(new Date(t0 + s * 1000))) % 24;
    if (busy(h) && open === null) open = s;
    if (!busy(h) && open !== null) out.push([open, s]), open = null;
  }
  if (open !== null) out.push([open, span]);
  return out;
}
