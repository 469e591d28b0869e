// deno-lint-ignore-file jsx-key -- server-rendered (Hono): cells and rows are positional, keys mean nothing
/**
 * Charts drawn so they stay legible at any width: the SVG is as wide as the page and its
 * x coordinates are percentages, so lines stretch while text keeps its real size (a chart
 * scaled down as a whole shrinks its labels to a few pixels on a phone). No inline style is
 * needed, so the pages' Content-Security-Policy holds, and it prints as drawn.
 *
 * @module
 */
import type { Child } from "hono/jsx";
import { niceTicks } from "../format.ts";

/** One line of a {@link TimeChart}: points at x in [0, 1] of the time axis; null = no value. */
export interface Series {
  /** CSS class of the line and dots (`s-a`, `s-b`). */
  cls: string;
  label: string;
  points: { x: number; y: number | null }[];
}

/** Where along the x axis (0..1) the plot starts and ends, in percent of the width. */
const X0 = 1;
const X1 = 99;
const px = (x: number) => `${(X0 + (X1 - X0) * Math.min(1, Math.max(0, x))).toFixed(2)}%`;

/** Options of {@link TimeChart}. */
export interface TimeChartProps {
  /** What the chart shows, for screen readers (the numbers are in the table beside it). */
  label: string;
  series: Series[];
  /** Formats a y tick: `5 ms`, `100 Mbps`. */
  fmt: (v: number) => string;
  /** Labels under the x axis at its start, middle and end. */
  xLabels: [string, string, string];
  /** x positions (0..1) of lost samples, drawn as red crosses along the top. */
  lost?: number[];
  lostLabel?: string;
  height?: number;
}

/** A value-over-time chart with round ticks, lost samples marked, and a legend. */
export function TimeChart(props: TimeChartProps) {
  const h = props.height ?? 180;
  const top = 22;
  const bottom = h - 22;
  const ys = props.series.flatMap((s) => s.points.map((p) => p.y)).filter((y): y is number =>
    y !== null
  );
  const ticks = niceTicks(Math.max(...ys, 0));
  const max = ticks[ticks.length - 1];
  const y = (v: number) => bottom - ((bottom - top) * v) / max;
  return (
    <figure class="tchart">
      <svg width="100%" height={h} role="img" aria-label={props.label} class="tchart-svg">
        {ticks.map((t) => (
          <g>
            <line x1="0" x2="100%" y1={y(t)} y2={y(t)} class="grid" />
            <text x="2" y={y(t) - 3} class="tick">{props.fmt(t)}</text>
          </g>
        ))}
        {(props.lost ?? []).map((x) => (
          <g class="lost-mark">
            <line x1={px(x)} x2={px(x)} y1={top} y2={bottom} />
            <text x={px(x)} y={top - 6} text-anchor="middle">×</text>
          </g>
        ))}
        {props.series.map((s) => <Line series={s} y={y} />)}
        <text x={px(0)} y={h - 4} class="tick">{props.xLabels[0]}</text>
        <text x="50%" y={h - 4} text-anchor="middle" class="tick">{props.xLabels[1]}</text>
        <text x={px(1)} y={h - 4} text-anchor="end" class="tick">{props.xLabels[2]}</text>
      </svg>
      <figcaption class="legend">
        {props.series.map((s) => <Key cls={s.cls}>{s.label}</Key>)}
        {props.lost?.length ? <Key cls="lost">{props.lostLabel}</Key> : null}
      </figcaption>
    </figure>
  );
}

function Line(props: { series: Series; y: (v: number) => number }) {
  const pts = props.series.points;
  const dots = pts.length <= 120;
  return (
    <g class={`series ${props.series.cls}`}>
      {pts.slice(1).map((p, i) => {
        const a = pts[i];
        return a.y === null || p.y === null
          ? null
          : <line x1={px(a.x)} x2={px(p.x)} y1={props.y(a.y)} y2={props.y(p.y)} />;
      })}
      {dots
        ? pts.map((p) => (p.y === null ? null : <circle cx={px(p.x)} cy={props.y(p.y)} r="2.5" />))
        : null}
    </g>
  );
}

/** A legend entry: a swatch of the series' colour and its name. */
export function Key(props: { cls: string; children?: Child }) {
  return (
    <span class="key">
      <svg width="14" height="10" aria-hidden="true" class={`series ${props.cls}`}>
        <rect x="0" y="2" width="14" height="6" rx="2" />
      </svg>
      {props.children}
    </span>
  );
}

/**
 * A range bar for a table cell: a line from `min` to `max` and a dot at `mid`, on a scale
 * from 0 to `scale` (the same for every row of a table, so rows compare by eye).
 */
export function RangeBar(
  props: { min: number; mid: number; max: number; scale: number; tone?: string; label: string },
) {
  const at = (v: number) =>
    `${Math.min(100, Math.max(0, (100 * v) / (props.scale || 1))).toFixed(2)}%`;
  return (
    <svg
      width="100%"
      height="14"
      class={`rangebar ${props.tone ?? ""}`}
      role="img"
      aria-label={props.label}
    >
      <line x1="0" x2="100%" y1="7" y2="7" class="track" />
      <line x1={at(props.min)} x2={at(props.max)} y1="7" y2="7" class="range" />
      <circle cx={at(props.mid)} cy="7" r="4" class="mid" />
    </svg>
  );
}

/** Horizontal bars with their value written after them, on one shared scale. */
export function Bars(
  props: { rows: { name: string; value: number | null; cls?: string; text: string }[] },
) {
  const max = Math.max(...props.rows.map((r) => r.value ?? 0), 0);
  const ticks = niceTicks(max);
  const scale = ticks[ticks.length - 1];
  return (
    <div class="bars">
      {props.rows.map((r) => (
        <div class="bar-row">
          <span class="bar-name">{r.name}</span>
          <svg width="100%" height="16" aria-hidden="true" class="bar-svg">
            {r.value === null ? null : (
              <rect
                x="0"
                y="2"
                width={`${Math.max(0.5, (100 * r.value) / scale).toFixed(2)}%`}
                height="12"
                rx="3"
                class={`bar ${r.cls ?? ""}`}
              />
            )}
          </svg>
          <span class="bar-value">{r.text}</span>
        </div>
      ))}
    </div>
  );
}

/** The phases of a request, in order. */
export const PHASES = ["dnsMs", "connectMs", "tlsMs", "ttfbMs"] as const;

/** A request's phases as one stacked bar, on a shared scale (ms). */
export function PhaseBar(props: { r: Record<string, unknown>; scale: number }) {
  let at = 0;
  const pct = (v: number) => (100 * v) / (props.scale || 1);
  return (
    <svg width="100%" height="16" aria-hidden="true" class="phasebar">
      {PHASES.map((k, i) => {
        const v = props.r[k];
        if (typeof v !== "number" || !Number.isFinite(v)) return null;
        if (v <= 0) return null;
        const x = at;
        at += pct(v);
        return (
          <rect
            x={`${x.toFixed(2)}%`}
            y="2"
            width={`${Math.max(0.4, pct(v)).toFixed(2)}%`}
            height="12"
            class={`ph-${i}`}
          />
        );
      })}
    </svg>
  );
}
