/**
 * This customer's reports as a timeline: a dot per report on a time axis, coloured by its
 * headline's verdict, this report ringed; then the list, each with a link and "compare with
 * this".
 *
 * @module
 */
import type { Verdict } from "../../../diagnosis/schema.ts";
import type { ReportSummary } from "../../../collector/summary.ts";
import { VERDICT_TEXT } from "../../../report/html/i18n.ts";
import type { PageCtx } from "./layout.tsx";
import { MiniPath } from "./mini_path.tsx";
import { fmtTime, W } from "./words.ts";

/** The verdict a list shows for a report: its headline segment's, or fine. */
export function headlineVerdict(r: ReportSummary): Verdict {
  return r.headlineSegment ? r.verdicts[r.headlineSegment] : r.partial ? "unknown" : "ok";
}

const TW = 600;
const TH = 56;

/** The timeline panel. */
export function TimelineView(
  props: { ctx: PageCtx; rows: ReportSummary[]; receipt: string; deviceKey: string | null },
) {
  const { ctx, rows, receipt } = props;
  const { lang } = ctx;
  const others = rows.filter((r) => r.receipt !== receipt);
  const times = rows.map((r) => r.createdAt.getTime());
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (t: number) => t1 === t0 ? TW / 2 : 16 + ((t - t0) / (t1 - t0)) * (TW - 32);
  return (
    <section class="panel" aria-labelledby="timeline-title">
      <h2 class="section-title" id="timeline-title">{W.timeline[lang]}</h2>
      <p class="muted small">{W.timelineHint[lang]}</p>
      {others.length === 0 ? <p class="muted">{W.timelineNone[lang]}</p> : (
        <>
          <svg
            class="timeline-svg"
            viewBox={`0 0 ${TW} ${TH}`}
            role="img"
            aria-label={W.timeline[lang]}
          >
            <line class="axis" x1={8} x2={TW - 8} y1={22} y2={22} />
            {[...rows].reverse().map((r) => (
              <circle
                class={`v-${headlineVerdict(r)}${r.receipt === receipt ? " this" : ""}`}
                cx={x(r.createdAt.getTime())}
                cy={22}
                r={r.receipt === receipt ? 10 : 7}
              >
                <title>{`${fmtTime(r.createdAt, ctx.timeZone)} ${r.headline?.[lang] ?? ""}`}</title>
              </circle>
            ))}
            <text x={16} y={TH - 4}>{fmtTime(new Date(t0), ctx.timeZone).slice(0, 10)}</text>
            <text x={TW - 16} y={TH - 4} text-anchor="end">
              {fmtTime(new Date(t1), ctx.timeZone).slice(0, 10)}
            </text>
          </svg>
          <ul class="tl-list">
            {rows.map((r) => (
              <li class={r.receipt === receipt ? "this" : ""}>
                <MiniPath verdicts={r.verdicts} partial={r.partial} lang={lang} />
                <span>{fmtTime(r.createdAt, ctx.timeZone)}</span>
                <span class="pill">{VERDICT_TEXT[headlineVerdict(r)][lang]}</span>
                {r.receipt === receipt
                  ? <span>{r.headline?.[lang] ?? ""} ({W.thisReport[lang]})</span>
                  : (
                    <>
                      <a href={`/console/r/${r.receipt}`}>{r.headline?.[lang] ?? r.receipt}</a>
                      <a class="small" href={`/console/compare?a=${r.receipt}&b=${receipt}`}>
                        {W.compareWith[lang]}
                      </a>
                    </>
                  )}
                <span class="code muted small" translate="no">{r.receipt}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.deviceKey
        ? (
          <p>
            <a href={`/console?device=${props.deviceKey}`}>{W.deviceReports[lang]} →</a>
          </p>
        )
        : null}
    </section>
  );
}
