/**
 * The consent to send, in the browser: what leaves this computer (the same rows as the
 * terminal prompt), a link to the whole report exactly as sent, an optional ticket, and the
 * two buttons. The form carries the digest and destination shown, and the send is refused
 * if either changed before the customer pressed "agree".
 *
 * @module
 */
import { SEND_UI } from "../../report/html/send_i18n.ts";
import type { SendPlan } from "../../session/send/plan.ts";
import { previewRows, SEND_WORDS } from "../../session/send/preview_text.ts";
import type { PageCtx } from "../context.ts";
import { CsrfField } from "./forms.tsx";
import { page } from "./layout.tsx";
import { reportLinks } from "./links.ts";

/** The send page for the report at `ref`. */
export function sendPage(ctx: PageCtx, ref: string, plan: SendPlan): Promise<string> {
  const { lang } = ctx;
  const links = reportLinks(ref, lang);
  return page(
    ctx,
    { title: SEND_UI.pageTitle[lang] },
    <section class="card send-consent">
      <h1>{SEND_WORDS.question[lang]}</h1>
      <p class="lead">{SEND_WORDS.leaves[lang]}</p>
      <dl class="preview">
        {previewRows(plan.preview, lang, { ticketRow: false }).map(([k, v]) => (
          <div>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p>
        <a href={links.json} download="">{SEND_UI.viewJson[lang]}</a>
      </p>
      <form method="post" action="/send" class="send-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="f" value={ref} />
        <input type="hidden" name="digest" value={plan.preview.digest} />
        <input type="hidden" name="destination" value={plan.preview.destination} />
        <p>
          <label for="ticket">{SEND_UI.ticketLabel[lang]}</label>
          <br />
          <input id="ticket" name="ticket" type="text" maxlength={64} autocomplete="off" />
        </p>
        <p class="muted">{SEND_WORDS.consentNote[lang]}</p>
        <div class="actions">
          <button type="submit" name="decision" value="send" class="big" id="agree-send">
            {SEND_UI.agree[lang]}
          </button>
          <a class="button secondary" href={links.verdict}>{SEND_UI.dontSend[lang]}</a>
        </div>
      </form>
    </section>,
  );
}
