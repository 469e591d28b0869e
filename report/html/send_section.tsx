/**
 * The sends of a report: the receipt code, large, as the customer reads it out to the
 * support desk, or that the report waits in the queue, was refused, cancelled or withdrawn.
 * Shown in the web view and in the single-file report alike.
 *
 * @module
 */
import type { Report } from "../schema.ts";
import { sendsOf } from "../send_record.ts";
import { formatTime } from "./format.ts";
import { SEND_UI } from "./send_i18n.ts";
import type { Lang } from "../../util/text.ts";

/** The report's sends, newest first; nothing when it was never sent. */
export function SendSection(props: { report: Report; lang: Lang }) {
  const { lang } = props;
  const sends = sendsOf(props.report).slice().reverse();
  if (sends.length === 0) return null;
  const w = SEND_UI;
  return (
    <section class="panel sends" aria-labelledby="sends-title">
      <h2 id="sends-title" class="section-title">{w.title[lang]}</h2>
      {sends.map((s) => (
        <div class={`send send-${s.status}`}>
          {s.receipt && s.status === "sent"
            ? (
              <>
                <p class="muted">{w.receiptLabel[lang]}</p>
                <p class="receipt" lang="en">{s.receipt}</p>
                <p class="muted">{w.readOut[lang]}</p>
              </>
            )
            : (
              <p>
                <strong>{w.status[s.status][lang]}</strong>
              </p>
            )}
          <p class="muted send-facts">
            {s.receipt && s.status !== "sent"
              ? <>{w.receiptLabel[lang]}: {s.receipt} ·{" "}</>
              : null}
            {w.destination[lang]}: <code>{s.destination}</code> ·{" "}
            {formatTime(s.sentAt ?? s.consentedAt, lang)}
            {s.ticket ? <>{" "}· {w.ticket[lang]}: {s.ticket}</> : null}
            {s.note ? <>{" "}· {s.note}</> : null}
          </p>
        </div>
      ))}
    </section>
  );
}
