/**
 * The audit log for admins: who opened, compared, exported or listed which report, and the
 * account events, newest first, filtered by receipt, person, action and time; exportable as
 * CSV with the same filters.
 *
 * @module
 */
import { AUDIT_ACTIONS, type AuditRow } from "../../../collector/audit_log.ts";
import { consolePage, type PageCtx } from "./layout.tsx";
import { ACTION_TEXT, fmtTime, W } from "./words.ts";

/** What the audit page shows. */
export interface AuditView {
  rows: AuditRow[];
  /** The filter fields as given (echoed into the form and the links). */
  fields: Record<string, string>;
  more: boolean;
  tenants: string[] | null;
  problems: string[];
}

/** Renders the audit page. */
export function auditPage(ctx: PageCtx, v: AuditView): Promise<string> {
  const { lang } = ctx;
  const f = v.fields;
  const last = v.rows[v.rows.length - 1];
  const next = last ? new URLSearchParams({ ...f, before: String(last.id) }) : null;
  return consolePage(
    ctx,
    { title: W.audit[lang], section: "audit" },
    <>
      <h1>{W.audit[lang]}</h1>
      <p class="muted">{W.auditHint[lang]}</p>
      {v.problems.map((p) => <p key={p} class="banner error">{p}</p>)}
      <form method="get" action="/console/audit" class="panel">
        <div class="field-grid">
          <label>
            {W.receipt[lang]}
            <input type="text" name="receipt" maxlength={40} value={f.receipt ?? ""} />
          </label>
          <label>
            {W.login[lang]}
            <input type="text" name="login" maxlength={64} value={f.login ?? ""} />
          </label>
          <label>
            {W.action[lang]}
            <select name="action">
              <option value="">{W.any[lang]}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option value={a} selected={f.action === a}>{ACTION_TEXT[a][lang]}</option>
              ))}
            </select>
          </label>
          <label>
            {W.from[lang]}
            <input type="datetime-local" name="from" value={f.from ?? ""} />
          </label>
          <label>
            {W.to[lang]}
            <input type="datetime-local" name="to" value={f.to ?? ""} />
          </label>
          {v.tenants
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
        <div class="actions">
          <button type="submit">{W.apply[lang]}</button>
          <a href="/console/audit">{W.clear[lang]}</a>
          <a class="button secondary" href={`/console/audit.csv?${new URLSearchParams(f)}`}>
            {W.exportCsv[lang]}
          </a>
        </div>
      </form>
      <div class="table-wrap" tabindex={0} role="region" aria-label={W.audit[lang]}>
        <table class="grid-table">
          <thead>
            <tr>
              <th>{W.when[lang]}</th>
              <th>{W.who[lang]}</th>
              <th>{W.action[lang]}</th>
              <th>{W.receipts[lang]}</th>
              <th>{W.detail[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {v.rows.map((r) => (
              <tr>
                <td>{fmtTime(r.at, ctx.timeZone)}</td>
                <td translate="no">
                  {r.actorLogin}
                  <span class="muted">@{r.actorTenant}</span>
                </td>
                <td>{ACTION_TEXT[r.action]?.[lang] ?? r.action}</td>
                <td>
                  {r.receipts.slice(0, 12).map((x) => (
                    <>
                      <a class="code" href={`/console/r/${x}`} translate="no">{x}</a>
                      {" "}
                    </>
                  ))}
                  {r.receipts.length > 12
                    ? <span class="muted">+{r.receipts.length - 12}</span>
                    : null}
                </td>
                <td class="audit-detail" translate="no">
                  {Object.keys(r.detail).length ? JSON.stringify(r.detail).slice(0, 300) : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {v.rows.length === 0 ? <p class="muted">{W.noResults[lang]}</p> : null}
      {v.more && next
        ? (
          <p class="actions">
            <a class="button secondary" href={`/console/audit?${next}`}>{W.older[lang]} →</a>
          </p>
        )
        : null}
    </>,
  );
}
