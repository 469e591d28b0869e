/**
 * The watch part of a report page: the watch's verdict, a timeline per segment (latency,
 * loss, events shaded, busy hours tinted), the throughput samples, every event with its times
 * and attribution, and busy hours against the rest. The web view, `view` and the single-file
 * HTML all show it, from the same component.
 *
 * @module
 */
import type { WatchBlock } from "../watch_schema.ts";
import { SEGMENT_NAMES } from "../../probes/types.ts";
import { formatMs, niceMax, round } from "./format.ts";
import { UI } from "./i18n.ts";
import { WATCH_UI } from "./watch_i18n.ts";
import { clockAt, TimelineChart, watchSpan } from "./timeline_chart.tsx";
import type { Lang } from "../../util/text.ts";

/** The watch section of a report. */
export function WatchSection(props: { watch: WatchBlock; lang: Lang }) {
  const { watch: w, lang } = props;
  const every = w.session.everyMs >= 60_000
    ? `${round(w.session.everyMs / 60_000, 1)} ${lang === "ja" ? "分" : "min"}`
    : `${round(w.session.everyMs / 1000, 1)} ${lang === "ja" ? "秒" : "s"}`;
  const secs = w.session.everyMs < 60_000;
  const t0 = Date.parse(w.session.startedAt);
  const at = (iso: string) => clockAt(w, (Date.parse(iso) - t0) / 1000, secs);
  const segments = (["lan", "isp", "dns", "internet"] as const).filter((s) =>
    w.series.some((x) => x.segment === s)
  );
  return (
    <section class="panel watch" aria-labelledby="watch-title">
      <h2 id="watch-title" class="section-title">{WATCH_UI.watchTitle[lang]}</h2>
      <p class="watch-verdict">{w.verdict[lang]}</p>
      <p class="muted">
        {lang === "ja"
          ? `${every}ごとに ${w.samples.t.length} 回測定 (${w.session.timeZone}、${
            at(w.session.startedAt)
          }–${w.session.endedAt ? at(w.session.endedAt) : "継続中"})`
          : `${w.samples.t.length} samples every ${every} (${w.session.timeZone}, ${
            at(w.session.startedAt)
          }–${w.session.endedAt ? at(w.session.endedAt) : "still running"})`}
        {w.session.accessType ? ` · ${WATCH_UI.watchAccess[lang]}: ${w.session.accessType}` : ""}
      </p>
      <p class="muted legend-note">{WATCH_UI.watchLegend[lang]}</p>
      {segments.map((seg) => (
        <TimelineChart
          watch={w}
          series={w.series.filter((s) => s.segment === seg)}
          segment={seg}
          title={SEGMENT_NAMES[seg][lang]}
          lang={lang}
        />
      ))}
      {w.throughput.t.length ? <ThroughputTimeline watch={w} lang={lang} /> : null}
      <h3>{WATCH_UI.watchEvents[lang]}</h3>
      {w.events.length
        ? (
          <table class="grid-table events">
            <thead>
              <tr>
                <th>{WATCH_UI.watchWhen[lang]}</th>
                <th>{WATCH_UI.watchSegment[lang]}</th>
                <th>{WATCH_UI.watchWhat[lang]}</th>
              </tr>
            </thead>
            <tbody>
              {w.events.map((e) => (
                <tr class={`sev-${e.severity}`}>
                  <td>{`${at(e.from)}–${e.to ? at(e.to) : ""}`}</td>
                  <td>
                    {e.segment === "device"
                      ? SEGMENT_NAMES.device[lang]
                      : SEGMENT_NAMES[e.segment][lang]}
                  </td>
                  <td>
                    <strong>{e.title[lang]}</strong>
                    <br />
                    {e.detail[lang]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
        : <p>{WATCH_UI.watchNoEvents[lang]}</p>}
      <h3>
        {`${WATCH_UI.watchBusy[lang]} (${w.session.busyHours.from}–${w.session.busyHours.to})`}
      </h3>
      <table class="grid-table">
        <thead>
          <tr>
            <th>{WATCH_UI.watchSegment[lang]}</th>
            <th>{WATCH_UI.watchBusyHours[lang]}</th>
            <th>{WATCH_UI.watchQuietHours[lang]}</th>
            <th>{WATCH_UI.watchVerdict[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {w.timeOfDay.map((t) => (
            <tr>
              <td>{SEGMENT_NAMES[t.segment][lang]}</td>
              <td>{hours(t.busy, lang)}</td>
              <td>{hours(t.quiet, lang)}</td>
              <td>{t.text[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function hours(h: WatchBlock["timeOfDay"][number]["busy"], lang: Lang): string {
  const loss = h.loss ? `${round(h.loss.estimate * 100, 2)} %` : "–";
  const med = h.rttMedianMs === null ? "–" : formatMs(h.rttMedianMs);
  return lang === "ja"
    ? `${h.samples} 回、中央値 ${med}、損失 ${loss}`
    : `${h.samples} samples, median ${med}, loss ${loss}`;
}

function ThroughputTimeline(props: { watch: WatchBlock; lang: Lang }) {
  const { watch: w, lang } = props;
  const W = 640, H = 170, L = 52, R = 12, T = 22, B = 30;
  const span = watchSpan(w);
  const all = [...w.throughput.downMbps, ...w.throughput.upMbps].filter((v): v is number =>
    v !== null
  );
  const top = niceMax(Math.max(...all, 1));
  const x = (s: number) => L + ((W - L - R) * s) / span;
  const y = (v: number) => T + (H - T - B) * (1 - v / top);
  const dots = (vals: (number | null)[], cls: string) =>
    vals.map((v, i) =>
      v === null ? null : (
        <circle cx={x(w.throughput.t[i])} cy={y(v)} r="3" class={cls}>
          <title>{`${round(v, 1)} Mbps`}</title>
        </circle>
      )
    );
  return (
    <figure class="chart">
      <figcaption>
        {UI.throughput[lang]}
        <span class="chart-label">{WATCH_UI.watchDownUp[lang]}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" class="chart-svg" aria-label={UI.throughput[lang]}>
        <text x="4" y={T - 8} class="unit">Mbps</text>
        {[0, 0.5, 1].map((f) => (
          <g>
            <line x1={L} x2={W - R} y1={y(top * f)} y2={y(top * f)} class="grid" />
            <text x={L - 6} y={y(top * f) + 4} text-anchor="end">{String(round(top * f, 1))}</text>
          </g>
        ))}
        {dots(w.throughput.downMbps, "dot s0")}
        {dots(w.throughput.upMbps, "dot s1")}
        <text x={L} y={H - 8} class="note">{clockAt(w, 0, false)}</text>
        <text x={W - R} y={H - 8} text-anchor="end" class="note">{clockAt(w, span, false)}</text>
      </svg>
    </figure>
  );
}
