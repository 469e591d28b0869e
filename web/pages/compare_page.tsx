/**
 * Two reports side by side (before/after, daytime/evening): headline, a verdict per segment,
 * and each probe's status, summary and key figure, with the rows that changed marked.
 *
 * @module
 */
import { SEGMENT_NAMES, SEGMENTS } from "../../probes/types.ts";
import type { ProbeResult } from "../../probes/types.ts";
import { formatMs, formatTime, round } from "../../report/html/format.ts";
import { STATUS_TEXT, UI, VERDICT_TEXT } from "../../report/html/i18n.ts";
import { findShapes, type Shape } from "../../report/html/shapes.ts";
import type { Report } from "../../report/schema.ts";
import type { PageCtx } from "../context.ts";
import type { LibraryEntry, OpenedReport } from "../library.ts";
import { page } from "./layout.tsx";
import { reportLinks } from "./links.ts";
import type { Lang } from "../../util/text.ts";

/** Renders the compare page: the chooser, and the comparison when both are chosen. */
export function comparePage(
  ctx: PageCtx,
  entries: LibraryEntry[],
  pair: [OpenedReport, OpenedReport] | null,
): Promise<string> {
  const { lang } = ctx;
  const valid = entries.filter((e) => e.report);
  return page(
    ctx,
    { title: UI.compareTitle[lang] },
    <>
      <h1>{UI.compareTitle[lang]}</h1>
      <form method="get" action="/compare" class="panel actions">
        <label>
          {UI.before[lang]}{" "}
          <Chooser name="a" entries={valid} lang={lang} selected={pair?.[0].ref ?? valid[1]?.ref} />
        </label>
        <label>
          {UI.after[lang]}{" "}
          <Chooser name="b" entries={valid} lang={lang} selected={pair?.[1].ref ?? valid[0]?.ref} />
        </label>
        <button type="submit">{UI.compareButton[lang]}</button>
      </form>
      {pair ? <Comparison a={pair[0]} b={pair[1]} lang={lang} /> : null}
    </>,
  );
}

function Chooser(props: { name: string; entries: LibraryEntry[]; lang: Lang; selected?: string }) {
  return (
    <select name={props.name}>
      {props.entries.map((e) => (
        <option value={e.ref} selected={e.ref === props.selected}>
          {`${formatTime(e.report!.createdAt, props.lang)} — ${
            e.report!.diagnosis.headline.text[props.lang]
          }`}
        </option>
      ))}
    </select>
  );
}

function Comparison(props: { a: OpenedReport; b: OpenedReport; lang: Lang }) {
  const { lang } = props;
  const A = props.a.report;
  const B = props.b.report;
  const ids = [...new Set([...A.probes.map((p) => p.id), ...B.probes.map((p) => p.id)])];
  const find = (r: Report, id: string) => r.probes.find((p) => p.id === id);
  return (
    <>
      <div class="compare-grid">
        {[props.a, props.b].map((o, i) => (
          <section class="panel">
            <p class="eyebrow">{i === 0 ? UI.before[lang] : UI.after[lang]}</p>
            <h2>{o.report.diagnosis.headline.text[lang]}</h2>
            <p class="muted">
              {formatTime(o.report.createdAt, lang)}
              {o.report.partial ? ` · ${lang === "ja" ? "途中まで" : "partial"}` : ""}
            </p>
            <a href={reportLinks(o.ref, lang).verdict}>{UI.open[lang]} →</a>
          </section>
        ))}
      </div>
      <h2 class="section-title">{UI.pathTitle[lang]}</h2>
      <div class="table-wrap" role="region" aria-label={UI.pathTitle[lang]} tabindex={0}>
        <table class="grid-table compare-table">
          <thead>
            <tr>
              <th>{UI.segment[lang]}</th>
              <th>{UI.before[lang]}</th>
              <th>{UI.after[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {SEGMENTS.map((s) => {
              const va = A.diagnosis.segments[s].verdict;
              const vb = B.diagnosis.segments[s].verdict;
              return (
                <tr>
                  <th scope="row">{SEGMENT_NAMES[s][lang]}</th>
                  <td class={`v-${va}`}>
                    <span class="pill">{VERDICT_TEXT[va][lang]}</span>
                  </td>
                  <td class={`v-${vb}${va !== vb ? " changed" : ""}`}>
                    <span class="pill">{VERDICT_TEXT[vb][lang]}</span>
                    {va !== vb ? <span class="muted">({UI.changed[lang]})</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h2 class="section-title">{UI.details[lang]}</h2>
      <div class="table-wrap" role="region" aria-label={UI.details[lang]} tabindex={0}>
        <table class="grid-table compare-table">
          <thead>
            <tr>
              <th>{UI.probe[lang]}</th>
              <th>{UI.before[lang]}</th>
              <th>{UI.after[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => {
              const pa = find(A, id);
              const pb = find(B, id);
              return (
                <tr>
                  <th scope="row">{(pb ?? pa)!.title[lang]}</th>
                  <ProbeCell p={pa} lang={lang} />
                  <ProbeCell p={pb} lang={lang} changed={pa?.status !== pb?.status} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ProbeCell(props: { p?: ProbeResult; lang: Lang; changed?: boolean }) {
  const { p, lang } = props;
  if (!p) return <td class="muted">–</td>;
  const figures = findShapes(p.data).map((s) => keyFigure(s, lang));
  return (
    <td class={props.changed ? "changed" : ""}>
      <span class={`pill st-${p.status}`}>{STATUS_TEXT[p.status][lang]}</span>{" "}
      {p.summary?.[lang] ?? p.reason?.[lang] ?? ""}
      {figures.length ? <div class="muted">{figures.join(" · ")}</div> : null}
    </td>
  );
}

/** One number that sums up a chartable shape, for side-by-side reading. */
export function keyFigure(s: Shape, lang: Lang): string {
  const ja = lang === "ja";
  const avg = ja ? "平均" : "average";
  switch (s.kind) {
    case "latency": {
      const got = s.samples.filter((x): x is number => x !== null);
      const mean = got.length ? got.reduce((a, b) => a + b, 0) / got.length : NaN;
      const loss = round((100 * (s.samples.length - got.length)) / s.samples.length, 1);
      return ja
        ? `${avg} ${formatMs(mean)}、損失 ${loss}%`
        : `${avg} ${formatMs(mean)}, loss ${loss}%`;
    }
    case "throughput":
      return `${avg} ${round(s.points.reduce((a, p) => a + p.mbps, 0) / s.points.length, 1)} Mbps`;
    case "hops":
      return ja ? `${s.hops.length} ホップ` : `${s.hops.length} hops`;
    case "phases": {
      const t = s.rows.map((r) => r.dnsMs + r.connectMs + r.tlsMs + r.ttfbMs);
      return `${avg} ${formatMs(t.reduce((a, b) => a + b, 0) / t.length)}`;
    }
  }
}
