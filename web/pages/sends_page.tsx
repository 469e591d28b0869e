/**
 * Every send of this computer: the reports waiting (with "try again now" and "cancel") and
 * the ones finished (receipt codes large enough to read out, and "withdraw").
 *
 * @module
 */
import { formatTime } from "../../report/html/format.ts";
import { SEND_UI } from "../../report/html/send_i18n.ts";
import type { SendOverview } from "../../session/send/manage.ts";
import type { Localized } from "../../util/text.ts";
import type { PageCtx } from "../context.ts";
import { CsrfField } from "./forms.tsx";
import { page } from "./layout.tsx";

/** The sends page; `notice` says what the last action did. */
export function sendsPage(
  ctx: PageCtx,
  o: SendOverview,
  notice?: { text: Localized; tone?: "error" },
): Promise<string> {
  const { lang } = ctx;
  const w = SEND_UI;
  const damaged = [...o.pending.damaged, ...o.history.damaged];
  return page(
    ctx,
    { title: w.sendsTitle[lang] },
    <>
      <section class="card">
        <h1>{w.sendsTitle[lang]}</h1>
        {notice
          ? <p class={notice.tone === "error" ? "banner error" : "banner"}>{notice.text[lang]}</p>
          : null}
        <h2 class="section-title">{w.waiting[lang]}</h2>
        {o.pending.entries.length === 0 ? <p class="muted">{w.nothingWaiting[lang]}</p> : (
          <>
            <p>{w.queuedText[lang]}</p>
            <form method="post" action="/sends/retry" class="actions">
              <CsrfField ctx={ctx} />
              <button type="submit" id="retry-all">{w.retryNow[lang]}</button>
            </form>
            {o.pending.entries.map((e) => (
              <div class="send send-queued">
                <p>
                  <strong>{w.report[lang]} {e.reportId}</strong> →{" "}
                  <code>{e.record.destination}</code>
                </p>
                <p class="muted send-facts">
                  {w.attempts[lang]}: {e.attempts} · {w.nextTry[lang]}:{" "}
                  {formatTime(e.nextAttemptAt, lang)}
                  {e.lastProblem ? <>{" "}· {e.lastProblem}</> : null}
                </p>
                <form method="post" action={`/sends/${e.id}/cancel`} class="inline">
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="secondary">{w.cancelSend[lang]}</button>
                </form>
              </div>
            ))}
          </>
        )}
      </section>
      <section class="card">
        <h2 class="section-title">{w.finished[lang]}</h2>
        {o.history.entries.length === 0 ? <p class="muted">{w.nothingSent[lang]}</p> : null}
        {o.history.entries.slice().reverse().map((e) => (
          <div class={`send send-${e.record.status}`}>
            {e.record.receipt && e.record.status === "sent"
              ? <p class="receipt" lang="en">{e.record.receipt}</p>
              : (
                <p>
                  <strong>{w.status[e.record.status][lang]}</strong> {e.record.receipt ?? ""}
                </p>
              )}
            <p class="muted send-facts">
              {w.report[lang]} {e.reportId} ·{" "}
              {formatTime(e.record.sentAt ?? e.record.consentedAt, lang)}
              {e.record.ticket ? <>{" "}· {w.ticket[lang]}: {e.record.ticket}</> : null}
            </p>
            {e.record.status === "sent" && e.record.receipt
              ? (
                <form method="post" action="/sends/withdraw" class="inline">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="receipt" value={e.record.receipt} />
                  <span class="muted">{w.withdrawHint[lang]}</span>{" "}
                  <button type="submit" class="secondary">{w.withdraw[lang]}</button>
                </form>
              )
              : null}
          </div>
        ))}
      </section>
      {damaged.length > 0
        ? (
          <section class="card">
            <p class="banner error">{w.damaged[lang]}</p>
            <ul>
              {damaged.map((d) => (
                <li>
                  <code>{d.path}</code>: {d.why}
                </li>
              ))}
            </ul>
          </section>
        )
        : null}
    </>,
  );
}
