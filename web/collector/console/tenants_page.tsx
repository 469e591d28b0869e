/**
 * Tenants and their retention: a tenant admin sets its own tenant's, a provider admin any
 * tenant's (empty: the collector's default).
 *
 * @module
 */
import type { Tenant } from "../../../collector/tenants.ts";
import { MAX_RETENTION_DAYS } from "../../../collector/tenants.ts";
import { consolePage, CsrfField, type PageCtx } from "./layout.tsx";
import { fmtTime, W } from "./words.ts";

/** Renders the tenants page. */
export function tenantsPage(
  ctx: PageCtx,
  v: { tenants: Tenant[]; defaultDays: number; message?: { text: string; error: boolean } },
): Promise<string> {
  const { lang } = ctx;
  return consolePage(
    ctx,
    { title: W.tenants[lang], section: "tenants" },
    <>
      <h1>{W.tenants[lang]}</h1>
      {v.message
        ? <p class={`banner${v.message.error ? " error" : ""}`} role="status">{v.message.text}</p>
        : null}
      <p class="muted">
        {lang === "ja"
          ? `保存期間を過ぎたレポートは自動で削除されます。空欄にするとコレクターの既定 (${v.defaultDays} 日) になります。`
          : `Reports older than the retention are deleted automatically. Empty means the collector's default (${v.defaultDays} days).`}
      </p>
      <div class="table-wrap" tabindex={0} role="region" aria-label={W.tenants[lang]}>
        <table class="grid-table">
          <thead>
            <tr>
              <th>{W.tenant[lang]}</th>
              <th>{W.created[lang]}</th>
              <th>{W.retention[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {v.tenants.map((t) => (
              <tr>
                <td translate="no">{t.id}</td>
                <td>{fmtTime(t.firstSeen, ctx.timeZone)}</td>
                <td>
                  <form
                    method="post"
                    action={`/console/tenants/${encodeURIComponent(t.id)}/retention`}
                    class="actions"
                  >
                    <CsrfField token={ctx.csrf} />
                    <input
                      type="number"
                      name="days"
                      min={1}
                      max={MAX_RETENTION_DAYS}
                      value={t.retentionDays === null ? "" : String(t.retentionDays)}
                      placeholder={W.retentionDefault[lang]}
                      aria-label={`${W.retention[lang]}: ${t.id}`}
                    />
                    <button type="submit" class="secondary">{W.save[lang]}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>,
  );
}
