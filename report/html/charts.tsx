// deno-lint-ignore-file jsx-key -- server-rendered (Hono): cells and rows are positional, keys mean nothing
/**
 * Charts of the shapes {@link findShapes} recognises in data no purpose-built view knows
 * (plugins): latency samples, route traces, throughput over time and request phases. Drawn
 * with the same legible-at-any-width parts as the evidence views; every label is escaped.
 *
 * @module
 */
import { formatMbps, formatMs, round } from "./format.ts";
import { UI } from "./i18n.ts";
import type { HopsShape, PhasesShape, Shape } from "./shapes.ts";
import type { Lang } from "../../util/text.ts";
import { Key, PhaseBar, RangeBar, TimeChart } from "./evidence/chart.tsx";
import { Table, V } from "./evidence/parts.tsx";

const PHASE_NAMES = [
  { ja: "名前解決", en: "DNS" },
  { ja: "接続", en: "Connect" },
  { ja: "暗号化", en: "TLS" },
  { ja: "最初の応答", en: "First byte" },
];

/** Draws one recognised shape, titled, with where in the data it was found. */
export function Chart(props: { shape: Shape; lang: Lang }) {
  const s = props.shape;
  const { lang } = props;
  const title = s.kind === "latency"
    ? UI.samples[lang]
    : s.kind === "hops"
    ? UI.hops[lang]
    : s.kind === "throughput"
    ? UI.throughput[lang]
    : UI.phases[lang];
  return (
    <section class="chart">
      <h4 class="sub">
        {title}
        {s.label
          ? (
            <span class="sub-note">
              <V>{s.label}</V>
            </span>
          )
          : null}
      </h4>
      <Body shape={s} lang={lang} title={title} />
    </section>
  );
}

function Body(props: { shape: Shape; lang: Lang; title: string }) {
  const { shape: s, lang } = props;
  const n = (f: number, len: number) => `#${Math.round(1 + f * (len - 1))}`;
  switch (s.kind) {
    case "latency": {
      const len = s.samples.length;
      const x = (i: number) => (len > 1 ? i / (len - 1) : 0);
      return (
        <TimeChart
          label={props.title}
          series={[{
            cls: "s-a",
            label: UI.samples[lang],
            points: s.samples.map((y, i) => ({ x: x(i), y })),
          }]}
          fmt={(v) => formatMs(v)}
          xLabels={[n(0, len), n(0.5, len), n(1, len)]}
          lost={s.samples.flatMap((v, i) => (v === null ? [x(i)] : []))}
          lostLabel={UI.lost[lang]}
        />
      );
    }
    case "throughput": {
      const t0 = Math.min(...s.points.map((p) => p.s));
      const t1 = Math.max(...s.points.map((p) => p.s), t0 + 1);
      const sec = (v: number) => `${round(v, 1)} ${lang === "ja" ? "秒" : "s"}`;
      return (
        <TimeChart
          label={props.title}
          series={[{
            cls: "s-a",
            label: UI.throughput[lang],
            points: s.points.map((p) => ({ x: (p.s - t0) / (t1 - t0), y: p.mbps })),
          }]}
          fmt={(v) => formatMbps(v)}
          xLabels={[sec(t0), sec((t0 + t1) / 2), sec(t1)]}
        />
      );
    }
    case "hops":
      return <Hops shape={s} lang={lang} />;
    case "phases": {
      const total = (r: PhasesShape["rows"][number]) => r.dnsMs + r.connectMs + r.tlsMs + r.ttfbMs;
      const scale = Math.max(...s.rows.map(total), 1);
      return (
        <>
          <Table
            label={props.title}
            cols={[{ label: UI.name[lang] }, { label: UI.phases[lang] }, {
              label: UI.total[lang],
              num: true,
            }]}
            rows={s.rows.map((
              r,
            ) => [<V>{r.name}</V>, <PhaseBar r={r} scale={scale} />, formatMs(total(r))])}
          />
          <p class="legend">{PHASE_NAMES.map((p, i) => <Key cls={`ph-${i}`}>{p[lang]}</Key>)}</p>
        </>
      );
    }
  }
}

function Hops(props: { shape: HopsShape; lang: Lang }) {
  const { lang } = props;
  const all = props.shape.hops.flatMap((h) => h.rtts).filter((v): v is number => v !== null);
  const scale = Math.max(...all, 0.001);
  return (
    <Table
      label={UI.hops[lang]}
      cols={[{ label: UI.hop[lang], num: true }, { label: UI.address[lang] }, {
        label: UI.rttRange[lang],
      }, { label: UI.median[lang], num: true }]}
      rows={props.shape.hops.map((h) => {
        const got = h.rtts.filter((v): v is number => v !== null);
        const sorted = [...got].sort((a, b) => a - b);
        const mid = sorted[Math.floor(sorted.length / 2)];
        return [
          String(h.ttl),
          h.address ? <V>{h.address}</V> : <span class="muted">* {UI.lost[lang]}</span>,
          got.length
            ? (
              <RangeBar
                min={sorted[0]}
                mid={mid}
                max={sorted[sorted.length - 1]}
                scale={scale}
                label={`${formatMs(sorted[0])} – ${formatMs(sorted[sorted.length - 1])}`}
              />
            )
            : "",
          got.length ? formatMs(mid) : "–",
        ];
      })}
    />
  );
}
