/**
 * One report in the console: its receipt and where it came from; an incident it is part of;
 * the report pages' own evidence view (`ReportView`, the same component the customer's view
 * and the single-file report use); the crowd baseline; and this customer's timeline. The
 * details page is the same view's probe part.
 *
 * @module
 */
import type { Baseline } from "../../../collector/baseline.ts";
import type { Reading } from "../../../collector/baseline_reading.ts";
import type { Incident } from "../../../collector/incidents.ts";
import type { OpenedReport } from "../../../collector/report_open.ts";
import type { ReportSummary } from "../../../collector/summary.ts";
import { can } from "../../../collector/roles.ts";
import { type ReportLinks, ReportView } from "../../../report/html/report_view.tsx";
import type { Report } from "../../../report/schema.ts";
import type { Lang } from "../../../util/text.ts";
import { BaselineView } from "./baseline_view.tsx";
import { IncidentBanners } from "./incident_banner.tsx";
import { consolePage, type PageCtx } from "./layout.tsx";
import { TimelineView } from "./timeline_view.tsx";
import { accessName, fmtTime, OS_TEXT, W } from "./words.ts";

/** The console's links of a report. */
export function consoleLinks(receipt: string, lang: Lang): ReportLinks {
  const base = `/console/r/${receipt}`;
  return {
    verdict: base,
    details: `${base}/details`,
    json: `${base}/report.json`,
    html: `${base}/report.html?lang=${lang}`,
    text: `${base}/report.txt?lang=${lang}`,
  };
}

/** What the report page shows. */
export interface ReportPageView {
  stored: OpenedReport;
  /** The body as a checked report, or null when it does not read as one. */
  report: Report | null;
  part: "verdict" | "details";
  baseline?: { baseline: Baseline; reading: Reading; toggle?: { href: string; label: string } };
  timeline?: ReportSummary[];
  incidents?: Incident[];
}

/** Renders a report page. */
export function reportPage(ctx: PageCtx, v: ReportPageView): Promise<string> {
  const { lang } = ctx;
  const s = v.stored;
  const c = s.columns;
  const links = consoleLinks(s.receipt, lang);
  const title = `${W.receipt[lang]} ${s.receipt}`;
  return consolePage(
    ctx,
    { title, section: "search" },
    <>
      <div class="report-head">
        <span class="receipt-big code" translate="no">{s.receipt}</span>
        <dl>
          <div>
            <dt>{W.received[lang]}</dt>
            <dd>{fmtTime(s.receivedAt, ctx.timeZone)}</dd>
          </div>
          <div>
            <dt>{W.created[lang]}</dt>
            <dd>{fmtTime(new Date(c.createdAt), ctx.timeZone)}</dd>
          </div>
          {s.ticket
            ? (
              <div>
                <dt>{W.ticket[lang]}</dt>
                <dd translate="no">{s.ticket}</dd>
              </div>
            )
            : null}
          <div>
            <dt>{W.access[lang]}</dt>
            <dd>{accessName(c.accessType, lang)}</dd>
          </div>
          <div>
            <dt>{W.os[lang]}</dt>
            <dd translate="no">{OS_TEXT[c.os] ?? c.os} {c.osRelease ?? ""}</dd>
          </div>
          <div>
            <dt>{W.kit[lang]}</dt>
            <dd translate="no">{c.kitVersion}</dd>
          </div>
          {ctx.staff && can(ctx.staff, "all-tenants")
            ? (
              <div>
                <dt>{W.tenant[lang]}</dt>
                <dd translate="no">{s.tenant}</dd>
              </div>
            )
            : null}
          {s.licenceId
            ? (
              <div>
                <dt>{W.licenceReports[lang]}</dt>
                <dd>
                  <a href={`/console?licence=${encodeURIComponent(s.licenceId)}`} translate="no">
                    {s.licenceId}
                  </a>
                </dd>
              </div>
            )
            : null}
        </dl>
      </div>
      {v.part === "verdict"
        ? (
          <nav class="actions" aria-label={title}>
            {v.baseline ? <a href="#baseline-title">{W.baseline[lang]}</a> : null}
            {v.timeline ? <a href="#timeline-title">{W.timeline[lang]}</a> : null}
            <a href={links.details}>{W.details[lang]}</a>
          </nav>
        )
        : null}
      {v.incidents ? <IncidentBanners ctx={ctx} incidents={v.incidents} /> : null}
      {v.report
        ? <ReportView report={v.report} lang={lang} part={v.part} links={links} />
        : (
          <p class="banner error">
            {lang === "ja"
              ? "このレポートは表示できる形式ではありません。JSON をダウンロードして確認してください"
              : "This report cannot be shown; download its JSON to read it"}{" "}
            <a href={links.json}>JSON</a>
          </p>
        )}
      {v.baseline
        ? (
          <BaselineView
            baseline={v.baseline.baseline}
            reading={v.baseline.reading}
            lang={lang}
            toggle={v.baseline.toggle}
          />
        )
        : null}
      {v.timeline
        ? <TimelineView ctx={ctx} rows={v.timeline} receipt={s.receipt} deviceKey={c.deviceKey} />
        : null}
    </>,
  );
}
