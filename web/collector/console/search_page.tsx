/**
 * The console's home: the receipt box (what an agent types while the customer reads the code
 * out), incidents now, the filters, and the reports found — each with its path picture in
 * miniature — with paging, CSV export and picking two to compare.
 *
 * @module
 */
import type { Incident } from "../../../collector/incidents.ts";
import { can } from "../../../collector/roles.ts";
import type { SearchPage } from "../../../collector/search.ts";
import {
  pageMarker,
  SEARCH_OSES,
  searchFields,
  type SearchFilter,
  type SearchProblem,
} from "../../../collector/search_filter.ts";
import type { ReportSummary } from "../../../collector/summary.ts";
import { SEGMENT_NAMES, SEGMENTS } from "../../../probes/types.ts";
import { IncidentBanners } from "./incident_banner.tsx";
import { consolePage, type PageCtx } from "./layout.tsx";
import { MiniPath } from "./mini_path.tsx";
import { ACCESS_TEXT, accessName, fmtTime, OS_TEXT, W } from "./words.ts";

/** What the search page shows. */
export interface SearchView {
  filter: SearchFilter;
  problems: SearchProblem[];
  page: SearchPage;
  incidents: Incident[];
  /** Tenants to choose from (provider admins). */
  tenants: string[];
  /** A receipt was typed and not found. */
  receiptMissing: boolean;
}

/** Renders the search page. */
export function searchPage(ctx: PageCtx, v: SearchView): Promise<string> {
  const { lang } = ctx;
  const f = v.filter;
  const fields = searchFields({ ...f, receipt: undefined, before: undefined }, ctx.timeZone);
  const filtered = Object.keys(fields).length > 0;
  const last = v.page.rows[v.page.rows.length - 1];
  const older = last ? new URLSearchParams({ ...fields, before: pageMarker(last) }).toString() : "";
  const allTenants = ctx.staff ? can(ctx.staff, "all-tenants") : false;
  return consolePage(
    ctx,
    { title: W.search[lang], section: "search" },
    <>
      <form method="get" action="/console" class="receipt-box" role="search">
        <label>
          {W.receipt[lang]}
          <input
            type="text"
            name="receipt"
            autofocus
            autocomplete="off"
            maxlength={40}
            value={v.receiptMissing ? (f.receipt ?? "") : ""}
            aria-describedby="receipt-hint"
          />
        </label>
        <button type="submit" class="big">{W.open[lang]}</button>
        <p id="receipt-hint">{W.receiptHint[lang]}</p>
      </form>
      {v.receiptMissing
        ? (
          <p class="banner error" role="status">
            {W.notFound[lang]}: <span class="code" translate="no">{f.receipt}</span>
            {" — "}
            {W.notFoundHint[lang]}
          </p>
        )
        : null}
      {v.problems.map((p) => (
        <p key={p.field} class="banner error" role="status">{p.message[lang]}</p>
      ))}
      <IncidentBanners ctx={ctx} incidents={v.incidents} tenant={f.tenant} />
      <details class="panel" open={filtered}>
        <summary>{W.filters[lang]}</summary>
        <form method="get" action="/console">
          <div class="field-grid">
            <label>
              {W.ticket[lang]}
              <input type="text" name="ticket" maxlength={64} value={f.ticket ?? ""} />
            </label>
            <label>
              {W.from[lang]}
              <input type="datetime-local" name="from" value={fields.from ?? ""} />
            </label>
            <label>
              {W.to[lang]}
              <input type="datetime-local" name="to" value={fields.to ?? ""} />
            </label>
            <label>
              {W.blamed[lang]}
              <select name="segment">
                <option value="">{W.any[lang]}</option>
                {SEGMENTS.map((s) => (
                  <option value={s} selected={f.segment === s}>{SEGMENT_NAMES[s][lang]}</option>
                ))}
                <option value="none" selected={f.segment === "none"}>{W.noProblem[lang]}</option>
              </select>
            </label>
            <label>
              {W.access[lang]}
              <select name="access">
                <option value="">{W.any[lang]}</option>
                {Object.keys(ACCESS_TEXT).map((a) => (
                  <option value={a} selected={f.access === a}>{accessName(a, lang)}</option>
                ))}
                <option value="unknown" selected={f.access === "unknown"}>
                  {W.accessUnknown[lang]}
                </option>
              </select>
            </label>
            <label>
              {W.os[lang]}
              <select name="os">
                <option value="">{W.any[lang]}</option>
                {SEARCH_OSES.map((o) => (
                  <option value={o} selected={f.os === o}>{OS_TEXT[o]}</option>
                ))}
              </select>
            </label>
            <label>
              {W.kit[lang]}
              <input type="text" name="kit" maxlength={64} value={f.kit ?? ""} />
            </label>
            {allTenants
              ? (
                <label>
                  {W.tenant[lang]}
                  <select name="tenant">
                    <option value="">{W.allTenants[lang]}</option>
                    {v.tenants.map((t) => (
                      <option key={t} value={t} selected={f.tenant === t}>{t}</option>
                    ))}
                  </select>
                </label>
              )
              : null}
          </div>
          {f.device ? <input type="hidden" name="device" value={f.device} /> : null}
          {f.licence ? <input type="hidden" name="licence" value={f.licence} /> : null}
          <div class="actions">
            <button type="submit">{W.apply[lang]}</button>
            <a href="/console">{W.clear[lang]}</a>
          </div>
        </form>
      </details>
      <h1 class="section-title">{W.results[lang]}</h1>
      <ResultList ctx={ctx} rows={v.page.rows} showTenant={allTenants} />
      <div class="actions">
        {v.page.more
          ? <a class="button secondary" href={`/console?${older}`}>{W.older[lang]} →</a>
          : null}
        <a class="button secondary" href={`/console/export.csv?${new URLSearchParams(fields)}`}>
          {W.exportCsv[lang]}
        </a>
      </div>
    </>,
  );
}

/** Found reports, with a box to pick two for comparison. */
export function ResultList(props: { ctx: PageCtx; rows: ReportSummary[]; showTenant: boolean }) {
  const { ctx, rows } = props;
  const { lang } = ctx;
  if (rows.length === 0) return <p class="muted">{W.noResults[lang]}</p>;
  return (
    <form method="get" action="/console/compare">
      <ul class="results">
        {rows.map((r) => (
          <li>
            <MiniPath verdicts={r.verdicts} partial={r.partial} lang={lang} />
            <div>
              <a href={`/console/r/${r.receipt}`}>
                <strong>{r.headline?.[lang] ?? r.reportId}</strong>
              </a>
              <div class="facts-line">
                <span class="code" translate="no">{r.receipt}</span>
                {" · "}
                {fmtTime(r.receivedAt, ctx.timeZone)}
                {" · "}
                {accessName(r.accessType, lang)}
                {" · "}
                <span translate="no">{OS_TEXT[r.os] ?? r.os} {r.kitVersion}</span>
                {r.ticket
                  ? (
                    <>
                      {" · "}
                      {W.ticket[lang]} <span translate="no">{r.ticket}</span>
                    </>
                  )
                  : null}
                {props.showTenant
                  ? (
                    <>
                      {" · "}
                      <span translate="no">{r.tenant}</span>
                    </>
                  )
                  : null}
                {r.partial ? ` · ${W.partial[lang]}` : ""}
                {r.watch
                  ? (
                    <>
                      {" · "}
                      <span class="pill">{W.watch[lang]}</span>
                    </>
                  )
                  : null}
              </div>
            </div>
            <label class="pick">
              <input type="checkbox" name="r" value={r.receipt} />
              {W.pick[lang]}
            </label>
          </li>
        ))}
      </ul>
      <button type="submit" class="secondary">{W.compareSelected[lang]}</button>
    </form>
  );
}
