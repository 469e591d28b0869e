/**
 * Two reports side by side, older first: headline and path picture of each, a verdict per
 * segment, the key figures (throughput, loaded latency, loss, access type) and each probe's
 * status and summary, with what changed marked.
 *
 * @module
 */
import type { OpenedReport } from "../../../collector/report_open.ts";
import type { Verdict } from "../../../diagnosis/schema.ts";
import { type Segment, SEGMENT_NAMES, SEGMENTS } from "../../../probes/types.ts";
import { segmentCoverage } from "../../../report/coverage.ts";
import { PathDiagram } from "../../../report/html/path_diagram.tsx";
import { STATUS_TEXT, UI, VERDICT_TEXT } from "../../../report/html/i18n.ts";
import type { Report } from "../../../report/schema.ts";
import { consolePage, type PageCtx } from "./layout.tsx";
import { accessName, fmtNum, fmtTime, W } from "./words.ts";

/** One side: the stored report and its body as a report (null when it does not read as one). */
export interface Side {
  stored: OpenedReport;
  report: Report | null;
}

/** Renders the comparison (or the note that two reports are needed). */
export function comparePage(ctx: PageCtx, pair: [Side, Side] | null): Promise<string> {
  const { lang } = ctx;
  return consolePage(
    ctx,
    { title: W.compareTitle[lang], section: "search" },
    <>
      <h1>{W.compareTitle[lang]}</h1>
      {pair ? <Comparison ctx={ctx} a={pair[0]} b={pair[1]} /> : (
        <p class="banner">
          {W.compareNeedTwo[lang]} — <a href="/console">{W.search[lang]}</a>
        </p>
      )}
    </>,
  );
}

/** What the path picture shows per segment (partly measured segments never green). */
function shownVerdicts(report: Report): Record<Segment, Verdict | "partial"> {
  const coverage = segmentCoverage(report);
  return Object.fromEntries(SEGMENTS.map((s) => [s, coverage[s].shown])) as Record<
    Segment,
    Verdict | "partial"
  >;
}

function Comparison(props: { ctx: PageCtx; a: Side; b: Side }) {
  const { ctx, a, b } = props;
  const { lang } = ctx;
  const sides = [a, b];
  const figures: [string, (s: Side) => string][] = [
    [W.access[lang], (s) => accessName(s.stored.columns.accessType, lang)],
    [W.download[lang], (s) => `${fmtNum(s.stored.columns.downMbps)} Mbps`],
    [W.upload[lang], (s) => `${fmtNum(s.stored.columns.upMbps)} Mbps`],
    [W.loaded[lang], (s) => `${fmtNum(s.stored.columns.loadedLatencyMs)} ms`],
    [W.loss[lang], (s) => `${fmtNum(s.stored.columns.lossPercent)} %`],
  ];
  const probeIds = [
    ...new Set(sides.flatMap((s) => s.report?.probes.map((p) => p.id) ?? [])),
  ];
  const probe = (s: Side, id: string) => s.report?.probes.find((p) => p.id === id);
  return (
    <>
      <div class="compare-grid">
        {sides.map((s, i) => (
          <section class="panel">
            <p class="eyebrow">{i === 0 ? UI.before[lang] : UI.after[lang]}</p>
            <h2>{s.report?.diagnosis.headline.text[lang] ?? s.stored.columns.reportId}</h2>
            <p class="muted">
              <a href={`/console/r/${s.stored.receipt}`} class="code" translate="no">
                {s.stored.receipt}
              </a>
              {" · "}
              {fmtTime(new Date(s.stored.columns.createdAt), ctx.timeZone)}
              {s.stored.columns.partial ? ` · ${W.partial[lang]}` : ""}
            </p>
            {s.report ? <PathDiagram verdicts={shownVerdicts(s.report)} lang={lang} /> : null}
          </section>
        ))}
      </div>
      <h2 class="section-title">{UI.pathTitle[lang]}</h2>
      <div class="table-wrap" tabindex={0} role="region" aria-label={UI.pathTitle[lang]}>
        <table class="grid-table compare-table">
          <thead>
            <tr>
              <th>{UI.segment[lang]}</th>
              <th>{UI.before[lang]}</th>
              <th>{UI.after[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {SEGMENTS.map((seg) => {
              const va = a.stored.columns.verdicts[seg];
              const vb = b.stored.columns.verdicts[seg];
              return (
                <tr>
                  <th scope="row">{SEGMENT_NAMES[seg][lang]}</th>
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
      <h2 class="section-title">{W.numbers[lang]}</h2>
      <div class="table-wrap" tabindex={0} role="region" aria-label={W.numbers[lang]}>
        <table class="grid-table compare-table">
          <tbody>
            {figures.map(([label, f]) => (
              <tr>
                <th scope="row">{label}</th>
                <td>{f(a)}</td>
                <td class={f(a) !== f(b) ? "changed" : ""}>{f(b)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 class="section-title">{UI.details[lang]}</h2>
      <div class="table-wrap" tabindex={0} role="region" aria-label={UI.details[lang]}>
        <table class="grid-table compare-table">
          <thead>
            <tr>
              <th>{UI.probe[lang]}</th>
              <th>{UI.before[lang]}</th>
              <th>{UI.after[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {probeIds.map((id) => {
              const pa = probe(a, id);
              const pb = probe(b, id);
              const changed = pa?.status !== pb?.status;
              return (
                <tr>
                  <th scope="row">{(pb ?? pa)!.title[lang]}</th>
                  {[pa, pb].map((p, i) =>
                    p
                      ? (
                        <td class={i === 1 && changed ? "changed" : ""}>
                          <span class={`pill st-${p.status}`}>{STATUS_TEXT[p.status][lang]}</span>
                          {" "}
                          {p.summary?.[lang] ?? p.reason?.[lang] ?? ""}
                        </td>
                      )
                      : <td key={i} class="muted">–</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
