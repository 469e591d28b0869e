/**
 * The "send to support" panel under the verdict: the button that opens the send page (where
 * the customer sees what leaves and consents). The receipts of earlier sends are shown by the
 * report itself (`report/html/send_section.tsx`).
 *
 * @module
 */
import { SEND_UI } from "../../report/html/send_i18n.ts";
import type { Report } from "../../report/schema.ts";
import { receiptsOf } from "../../report/send_record.ts";
import type { PageCtx } from "../context.ts";

/** The panel, for the report at `ref`. */
export function SendPanel(props: { ctx: PageCtx; report: Report; ref: string }) {
  const { lang } = props.ctx;
  const sent = receiptsOf(props.report).length > 0;
  return (
    <section class="panel send-panel" aria-labelledby="send-title">
      <h2 id="send-title" class="section-title">{SEND_UI.panelTitle[lang]}</h2>
      <p>{SEND_UI.panelText[lang]}</p>
      <p class="actions">
        <a
          class={sent ? "button secondary" : "button big"}
          id="send-to-support"
          href={`/send?f=${encodeURIComponent(props.ref)}`}
        >
          {sent ? SEND_UI.sendAgain[lang] : SEND_UI.sendButton[lang]}
        </a>
        <a href="/sends">{SEND_UI.sendsTitle[lang]}</a>
      </p>
    </section>
  );
}
