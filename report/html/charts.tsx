/**
 * SVG charts of the shapes {@link findShapes} recognises. Drawn on the server, with no
 * script and no external resource; every label is escaped text.
 *
 * @module
 */
import { formatMs, niceMax, round } from "./format.ts";
import { UI } from "./i18n.ts";
import type { HopsShape, LatencyShape, PhasesShape, SeriesShape, Shape } from "./shapes.ts";
import type { Lang } from "../../util/text.ts";

const W = 640;

/** Shortens a label that would run into the bars (the full text stays in a tooltip). */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
const PAD = { l: 56, r: 12, t: 22, b: 28 };

/** Draws one recognised shape. */
export function Chart(props: { shape: Shape; lang: Lang }) {
  const s = props.shape;
  switch (s.kind) {
    case "latency":
      return <LatencyChart shape={s} lang={props.lang} />;
    case "hops":
      return <HopsChart shape={s} lang={props.lang} />;
    case "throughput":
      return <ThroughputChart shape={s} lang={props.lang} />;
    case "phases":
      return <PhasesChart shape={s} lang={props.lang} />;
  }
}

function Figure(props: { title: string; label: string; children: unknown }) {
  return (
    <figure class="chart">
      <figcaption>
        {props.title}
        {props.label ? <span class="chart-label">{props.label}</span> : null}
      </figcaption>
      {props.children}
    </figure>
  );
}

/** Gridlines with plain numbers; the unit is written once, above the axis. */
function YAxis(props: { max: number; h: number; unit: string; w?: number }) {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const w = props.w ?? W;
  const y = (f: number) => PAD.t + (props.h - PAD.t - PAD.b) * (1 - f);
  return (
    <g class="axis">
      <text x="4" y={PAD.t - 10} class="unit">{props.unit}</text>
      {ticks.map((f) => (
        <g>
          <line x1={PAD.l} x2={w - PAD.r} y1={y(f)} y2={y(f)} class="grid" />
          <text x={PAD.l - 6} y={y(f) + 4} text-anchor="end">
            {String(round(props.max * f, 2))}
          </text>
        </g>
      ))}
    </g>
  );
}

function LatencyChart(props: { shape: LatencyShape; lang: Lang }) {
  const { samples } = props.shape;
  const h = 180;
  const got = samples.filter((s): s is number => s !== null);
  const max = niceMax(Math.max(...got, 1));
  const avg = got.length ? got.reduce((a, b) => a + b, 0) / got.length : 0;
  const plotW = W - PAD.l - PAD.r;
  const plotH = h - PAD.t - PAD.b;
  const x = (i: number) =>
    PAD.l + (samples.length === 1 ? plotW / 2 : (plotW * i) / (samples.length - 1));
  const y = (v: number) => PAD.t + plotH * (1 - v / max);
  const path = samples
    .map((s, i) => (s === null ? null : `${x(i).toFixed(1)},${y(s).toFixed(1)}`))
    .filter((p) => p !== null)
    .join(" ");
  const lost = samples.filter((s) => s === null).length;
  return (
    <Figure title={UI.samples[props.lang]} label={props.shape.label}>
      <svg
        viewBox={`0 0 ${W} ${h}`}
        role="img"
        class="chart-svg"
        aria-label={UI.samples[props.lang]}
      >
        <YAxis max={max} h={h} unit="ms" />
        <polyline points={path} class="line" />
        {samples.map((s, i) =>
          s === null
            ? <text key={i} x={x(i)} y={h - PAD.b - 2} class="lost" text-anchor="middle">×</text>
            : <circle key={i} cx={x(i)} cy={y(s)} r="2.6" class="dot" />
        )}
        {got.length > 0
          ? <line x1={PAD.l} x2={W - PAD.r} y1={y(avg)} y2={y(avg)} class="avg" />
          : null}
        <text x={W - PAD.r} y={h - 8} text-anchor="end" class="note">
          {`${UI.average[props.lang]} ${formatMs(avg)} · n=${samples.length}${
            lost ? ` · ${UI.lost[props.lang]} ${lost}` : ""
          }`}
        </text>
      </svg>
    </Figure>
  );
}

function HopsChart(props: { shape: HopsShape; lang: Lang }) {
  const rows = props.shape.hops;
  const rowH = 24;
  const left = 250;
  const h = PAD.t + rows.length * rowH + 8;
  const all = rows.flatMap((r) => r.rtts).filter((v): v is number => v !== null);
  const max = niceMax(Math.max(...all, 1));
  const x = (v: number) => left + ((W - left - 60) * v) / max;
  return (
    <Figure title={UI.hops[props.lang]} label={props.shape.label}>
      <svg viewBox={`0 0 ${W} ${h}`} role="img" class="chart-svg" aria-label={UI.hops[props.lang]}>
        {rows.map((r, i) => {
          const y = PAD.t + i * rowH;
          const got = r.rtts.filter((v): v is number => v !== null).sort((a, b) => a - b);
          const median = got.length ? got[Math.floor(got.length / 2)] : null;
          return (
            <g>
              <text x="4" y={y + 15} class="hop-ttl">{String(r.ttl)}</text>
              <text x="28" y={y + 15} class="hop-addr">
                <title>{r.address ?? "*"}</title>
                {clip(r.address ?? "*", 30)}
              </text>
              {median === null
                ? <text x={left} y={y + 15} class="lost">{UI.lost[props.lang]}</text>
                : (
                  <rect
                    x={left}
                    y={y + 5}
                    width={Math.max(1, x(median) - left)}
                    height="12"
                    rx="3"
                    class="bar"
                  />
                )}
              {got.map((v, k) => <circle key={k} cx={x(v)} cy={y + 11} r="2.5" class="dot" />)}
              {median === null
                ? null
                : (
                  <text x={x(got[got.length - 1]) + 8} y={y + 15} class="note">
                    {formatMs(median)}
                  </text>
                )}
            </g>
          );
        })}
      </svg>
    </Figure>
  );
}

function ThroughputChart(props: { shape: SeriesShape; lang: Lang }) {
  const pts = props.shape.points;
  const h = 200;
  const max = niceMax(Math.max(...pts.map((p) => p.mbps), 1));
  const t0 = Math.min(...pts.map((p) => p.s));
  const t1 = Math.max(...pts.map((p) => p.s), t0 + 1);
  const plotH = h - PAD.t - PAD.b;
  const x = (s: number) => PAD.l + ((W - PAD.l - PAD.r) * (s - t0)) / (t1 - t0);
  const y = (v: number) => PAD.t + plotH * (1 - v / max);
  const line = pts.map((p) => `${x(p.s).toFixed(1)},${y(p.mbps).toFixed(1)}`).join(" ");
  const area = `${x(pts[0].s).toFixed(1)},${y(0)} ${line} ${x(pts[pts.length - 1].s).toFixed(1)},${
    y(0)
  }`;
  const mean = pts.reduce((a, p) => a + p.mbps, 0) / pts.length;
  return (
    <Figure title={UI.throughput[props.lang]} label={props.shape.label}>
      <svg
        viewBox={`0 0 ${W} ${h}`}
        role="img"
        class="chart-svg"
        aria-label={UI.throughput[props.lang]}
      >
        <YAxis max={max} h={h} unit="Mbps" />
        <polygon points={area} class="area" />
        <polyline points={line} class="line" />
        <text x={PAD.l} y={h - 8} class="note">{`${round(t0, 1)} s`}</text>
        <text x={W - PAD.r} y={h - 8} text-anchor="end" class="note">
          {`${round(t1, 1)} s · ${UI.average[props.lang]} ${round(mean, 1)} Mbps`}
        </text>
      </svg>
    </Figure>
  );
}

const PHASE_KEYS = [
  ["dnsMs", "DNS", "ph-dns"],
  ["connectMs", "TCP", "ph-tcp"],
  ["tlsMs", "TLS", "ph-tls"],
  ["ttfbMs", "TTFB", "ph-ttfb"],
] as const;

function PhasesChart(props: { shape: PhasesShape; lang: Lang }) {
  const rows = props.shape.rows;
  const rowH = 26;
  const left = 170;
  const h = PAD.t + rows.length * rowH + 30;
  const total = (r: PhasesShape["rows"][number]) => r.dnsMs + r.connectMs + r.tlsMs + r.ttfbMs;
  const max = niceMax(Math.max(...rows.map(total), 1));
  const scale = (v: number) => ((W - left - 70) * v) / max;
  return (
    <Figure title={UI.phases[props.lang]} label="">
      <svg
        viewBox={`0 0 ${W} ${h}`}
        role="img"
        class="chart-svg"
        aria-label={UI.phases[props.lang]}
      >
        {rows.map((r, i) => {
          const y = PAD.t + i * rowH;
          let at = left;
          return (
            <g>
              <text x="4" y={y + 15} class="hop-addr">
                <title>{r.name}</title>
                {clip(r.name, 22)}
              </text>
              {PHASE_KEYS.map(([k, , cls]) => {
                const w = scale(r[k]);
                const el = <rect x={at} y={y + 4} width={Math.max(0, w)} height="14" class={cls} />;
                at += w;
                return el;
              })}
              <text x={at + 6} y={y + 15} class="note">{formatMs(total(r))}</text>
            </g>
          );
        })}
        {PHASE_KEYS.map(([, name, cls], i) => (
          <g>
            <rect x={left + i * 90} y={h - 20} width="12" height="12" class={cls} />
            <text x={left + i * 90 + 16} y={h - 10} class="note">{name}</text>
          </g>
        ))}
      </svg>
    </Figure>
  );
}
