/**
 * What became of a send, in the browser: the receipt code, large, to read out on the phone;
 * or that the report waits in the queue (the page looks again every 15 s, since the app keeps
 * retrying), with "try again now"; or why it was refused.
 *
 * @module
 */
import { raw } from "hono/html";
import { formatTime } from "../../report/html/format.ts";
import { SEND_UI } from "../../report/html/send_i18n.ts";
import type { SendEntry } from "../../session/send/queue_entry.ts";
import type { PageCtx } from "../context.ts";
import { CsrfField } from "./forms.tsx";
import { page } from "./layout.tsx";

/** The result page of send `entry`. */
export function sendResultPage(
  ctx: PageCtx,
  entry: SendEntry,
  opts: { duplicate?: boolean; verdictHref?: string } = {},
): Promise<string> {
  const { lang } = ctx;
  const r = entry.record;
  const w = SEND_UI;
  const back = opts.verdictHref ? <a href={opts.verdictHref}>← {w.report[lang]}</a> : null;
  if (r.status === "sent" && r.receipt) {
    return page(
      ctx,
      { title: w.sentTitle[lang] },
      <section class="card send-result">
        <h1>{w.sentTitle[lang]}</h1>
        <p class="muted">{w.receiptLabel[lang]}</p>
        <p class="receipt" lang="en" id="receipt">{r.receipt}</p>
        <p class="lead">{w.readOut[lang]}</p>
        {opts.duplicate ? <p class="muted">{w.duplicate[lang]}</p> : null}
        <p class="muted">
          {w.destination[lang]}: <code>{r.destination}</code> ·{" "}
          {formatTime(r.sentAt ?? r.consentedAt, lang)}
          {r.ticket ? <>{" "}· {w.ticket[lang]}: {r.ticket}</> : null}
        </p>
        <p>{back}</p>
      </section>,
    );
  }
  if (r.status === "queued") {
    return page(
      ctx,
      // The app retries in the background; looking again shows the receipt when it arrives.
      { title: w.queuedTitle[lang], head: raw('<meta http-equiv="refresh" content="15">') },
      <section class="card send-result">
        <h1>{w.queuedTitle[lang]}</h1>
        <p class="lead">{w.queuedText[lang]}</p>
        {entry.lastProblem ? <p class="muted">{w.whyNot[lang]}: {entry.lastProblem}</p> : null}
        <p class="muted">{w.nextTry[lang]}: {formatTime(entry.nextAttemptAt, lang)}</p>
        <form method="post" action={`/sends/${entry.id}/retry`} class="actions">
          <CsrfField ctx={ctx} />
          <button type="submit" class="big" id="retry-now">{w.retryNow[lang]}</button>
        </form>
        <p>{back}</p>
      </section>,
    );
  }
  return page(
    ctx,
    { title: w.rejectedTitle[lang] },
    <section class="card send-result">
      <h1>{w.status[r.status][lang]}</h1>
      {r.status === "rejected" ? <p class="banner error">{w.rejectedText[lang]}</p> : null}
      {r.note ? <p class="muted">{r.note}</p> : null}
      <p>{back}</p>
    </section>,
  );
}
