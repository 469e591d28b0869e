/**
 * The crowd baseline on a report page: what it means in one sentence ("typical for PPPoE at
 * 21:00 — congestion" or "far below its peers — an individual fault"), then per number a
 * strip with the peers' 10–90 % range, the middle half, the median and this report's mark,
 * and the median download hour by hour with this report's hour marked.
 *
 * @module
 */
import type { Baseline, Metric } from "../../../collector/baseline.ts";
import { HIGHER_IS_BETTER, type Reading } from "../../../collector/baseline_reading.ts";
import type { Lang } from "../../../util/text.ts";
import { accessName, fmtNum, W } from "./words.ts";

const LABEL: Record<Metric, { ja: string; en: string }> = {
  down: W.download,
  up: W.upload,
  loaded: W.loaded,
  loss: W.loss,
};
const UNIT: Record<Metric, string> = { down: "Mbps", up: "Mbps", loaded: "ms", loss: "%" };

function hourText(h: number, lang: Lang): string {
  return lang === "ja" ? `${h} 時台` : `${String(h).padStart(2, "0")}:00`;
}

/** The sentence of a reading. */
export function readingSentence(b: Baseline, r: Reading, lang: Lang): string {
  const access = accessName(b.subject.accessType, lang);
  const hour = hourText(b.subject.hourOfDay, lang);
  const peers = b.hour.n;
  const ja = lang === "ja";
  const what = (ms: Metric[]) => ms.map((m) => LABEL[m][lang]).join(ja ? "・" : ", ");
  switch (r.kind) {
    case "individual": {
      const m = r.because[0];
      const p = r.placements[m];
      const worse = Math.round((1 - (p.beats ?? 0)) * 100);
      return ja
        ? `同じ条件のお客様より大きく劣っています: ${hour}・${access} のレポート ${p.peers} 件の ${worse} % より${
          HIGHER_IS_BETTER[m] ? "遅い" : "悪い"
        }${what([m])}です。混雑ではなく、この回線かお宅の中の問題と考えられます。`
        : `Far below its peers: ${
          what([m]).toLowerCase()
        } worse than ${worse} % of ${p.peers} ${access} reports at ${hour}. Not congestion: a fault of this line or this home.`;
    }
    case "congestion": {
      const m = r.because[0];
      const p = r.placements[m];
      return ja
        ? `${hour}・${access} のレポートとしては普通の値です。ただしこの時間帯は同じ方式のお客様全体で${
          what(r.because)
        }が 1 日のほかの時間より悪く (中央値 ${fmtNum(p.hourMedian)} ${UNIT[m]}、1 日全体では ${
          fmtNum(p.dayMedian)
        } ${UNIT[m]})、混雑が原因と考えられます。`
        : `Typical for ${access} at ${hour}, but everyone on ${access} does worse at this hour (median ${
          what(r.because).toLowerCase()
        } ${fmtNum(p.hourMedian)} ${UNIT[m]} against ${fmtNum(p.dayMedian)} ${
          UNIT[m]
        } over the day): congestion, not this customer alone.`;
    }
    case "typical":
      return ja
        ? `${hour}・${access} のレポート ${peers} 件と比べて普通の値です。この時間帯に目立った混雑はありません。`
        : `Typical for ${access} at ${hour} among ${peers} reports, and this hour is not worse than the rest of the day.`;
    case "unknown":
      return ja
        ? `比べられるレポートが足りません (${hour}・${access}: ${peers} 件)。`
        : `Too few reports to compare with (${access} at ${hour}: ${peers}).`;
  }
}

/** The baseline panel. */
export function BaselineView(
  props: {
    baseline: Baseline;
    reading: Reading;
    lang: Lang;
    toggle?: { href: string; label: string };
  },
) {
  const { baseline: b, reading: r, lang } = props;
  const days = b.days;
  return (
    <section class="panel" aria-labelledby="baseline-title">
      <h2 class="section-title" id="baseline-title">{W.baseline[lang]}</h2>
      <p class="muted small">
        {W.baselineHint[lang]}
        {lang === "ja"
          ? ` (${accessName(b.subject.accessType, lang)}、${
            hourText(b.subject.hourOfDay, lang)
          }、${days} 日間、${b.peers.tenant === null ? "全テナント" : "このテナント"})`
          : ` (${accessName(b.subject.accessType, lang)}, ${
            hourText(b.subject.hourOfDay, lang)
          }, ${days} days, ${b.peers.tenant === null ? "every tenant" : "this tenant"})`}
      </p>
      <div class={`reading k-${r.kind}`} role="status">
        <p>
          <strong>{readingSentence(b, r, lang)}</strong>
        </p>
      </div>
      <div class="strips">
        {(["down", "up", "loaded", "loss"] as const).map((m) => (
          <Strip b={b} r={r} m={m} lang={lang} />
        ))}
      </div>
      <HourProfile b={b} lang={lang} />
      {props.toggle
        ? (
          <p>
            <a href={props.toggle.href}>{props.toggle.label}</a>
          </p>
        )
        : null}
    </section>
  );
}

const SW = 600;
const SH = 36;

function Strip(props: { b: Baseline; r: Reading; m: Metric; lang: Lang }) {
  const { b, r, m, lang } = props;
  const d = b.hour.metrics[m];
  const p = r.placements[m];
  const value = b.subject.values[m];
  const label = LABEL[m][lang];
  if (!d.q && value === null) {
    return (
      <>
        <span>{label}</span>
        <span class="muted">{W.notMeasured[lang]}</span>
      </>
    );
  }
  const max = Math.max(...(d.q ?? [0]), value ?? 0, 1) * 1.15;
  const x = (v: number) => 10 + (v / max) * (SW - 20);
  const note = p.beats === null
    ? `${fmtNum(value)} ${UNIT[m]}`
    : lang === "ja"
    ? `${fmtNum(value)} ${UNIT[m]} — 同じ条件の ${p.peers} 件の ${
      Math.round(p.beats * 100)
    } % より良い`
    : `${fmtNum(value)} ${UNIT[m]} — better than ${
      Math.round(p.beats * 100)
    } % of ${p.peers} peers`;
  const spoken = d.q
    ? `${label}: ${note}. p10 ${fmtNum(d.q[0])}, ${lang === "ja" ? "中央値" : "median"} ${
      fmtNum(d.q[2])
    }, p90 ${fmtNum(d.q[4])} ${UNIT[m]}`
    : `${label}: ${note}`;
  return (
    <>
      <span>{label}</span>
      <svg class="strip-svg" viewBox={`0 0 ${SW} ${SH}`} role="img" aria-label={spoken}>
        {d.q
          ? (
            <g>
              <line class="whisker" x1={x(d.q[0])} x2={x(d.q[4])} y1={18} y2={18} />
              <rect
                class="box"
                x={x(d.q[1])}
                y={8}
                width={Math.max(1, x(d.q[3]) - x(d.q[1]))}
                height={20}
                rx={3}
              />
              <line class="median" x1={x(d.q[2])} x2={x(d.q[2])} y1={6} y2={30} />
              <text x={x(d.q[0])} y={SH - 1} text-anchor={x(d.q[0]) < 40 ? "start" : "end"}>
                {fmtNum(d.q[0])}
              </text>
              {x(d.q[4]) - x(d.q[0]) > 40
                ? <text x={x(d.q[4])} y={SH - 1} text-anchor="start">{fmtNum(d.q[4])}</text>
                : null}
            </g>
          )
          : null}
        {value !== null
          ? <circle class={`me s-${p.standing}`} cx={x(value)} cy={18} r={8} />
          : null}
      </svg>
      <p class="strip-note">{note}</p>
    </>
  );
}

const HW = 600;
const HH = 70;

function HourProfile(props: { b: Baseline; lang: Lang }) {
  const { b, lang } = props;
  const medians = b.hours.map((c) => ({ hour: c.hour!, v: c.metrics.down.q?.[2] ?? null }))
    .filter((x): x is { hour: number; v: number } => x.v !== null);
  if (medians.length < 2) return null;
  const max = Math.max(...medians.map((x) => x.v)) * 1.1 || 1;
  const bw = (HW - 20) / 24;
  const spoken = `${W.byHour[lang]}: ` +
    medians.map((x) => `${hourText(x.hour, lang)} ${fmtNum(x.v)} Mbps`).join(", ");
  return (
    <figure class="chart-block">
      <figcaption class="muted small">{W.byHour[lang]}</figcaption>
      <svg class="hours-svg" viewBox={`0 0 ${HW} ${HH}`} role="img" aria-label={spoken}>
        {medians.map((x) => {
          const h = (x.v / max) * (HH - 18);
          return (
            <rect
              class={`hb${x.hour === b.subject.hourOfDay ? " now" : ""}`}
              x={10 + x.hour * bw + 1}
              y={HH - 14 - h}
              width={bw - 2}
              height={h}
            />
          );
        })}
        {[0, 6, 12, 18, 23].map((h) => (
          <text x={10 + h * bw + bw / 2} y={HH - 2} text-anchor="middle">{h}</text>
        ))}
      </svg>
    </figure>
  );
}
