/**
 * The verdict: the headline in plain words, what to do next, and the path picture with a
 * verdict per segment — and, per segment, what was not measured, so a stopped check never
 * shows a segment as fine that nothing looked at.
 *
 * @module
 */
import type { Child } from "hono/jsx";
import { SEGMENT_NAMES, SEGMENTS } from "../../probes/types.ts";
import { segmentCoverage } from "../coverage.ts";
import type { Report } from "../schema.ts";
import { UI, VERDICT_TEXT } from "./i18n.ts";
import { PathDiagram } from "./path_diagram.tsx";
import type { Lang, Localized } from "../../util/text.ts";

const ALL_WELL: Localized = {
  ja:
    "測定した範囲では問題は見つかりませんでした。それでもつながりにくい場合は、このレポートを保存してサポート窓口に送ってください。",
  en:
    "Nothing wrong was found in what was measured. If the connection still misbehaves, save this report and send it to the support desk.",
};
const PARTIAL: Localized = {
  ja:
    "測定を途中で終えたため、ここまでに問題は見つかっていませんが、診断は完全ではありません。もう一度最初から診断すると確かな結果になります。",
  en:
    "The check was stopped early: nothing wrong was found so far, but the diagnosis is incomplete. Run the check again from the start for a firm answer.",
};
const NOTHING: Localized = {
  ja:
    "測定できた項目がありません。もう一度お試しいただくか、このレポートをサポート窓口に送ってください。",
  en: "Nothing could be measured. Try again, or send this report to the support desk.",
};

/** Options of {@link VerdictSection}. */
export interface VerdictProps {
  report: Report;
  lang: Lang;
  /** The brand's support line: shown when there is something to send support about. */
  support?: Localized;
  /** Where the face puts its send-to-support control (the send flow owns what goes here). */
  sendSlot?: Child;
}

/** The headline card and the path. */
export function VerdictSection(props: VerdictProps) {
  const { report, lang } = props;
  const d = report.diagnosis;
  const head = d.headline.finding ? d.findings.find((f) => f.id === d.headline.finding) : null;
  const measuredNothing = d.headline.text.en !== "No problem was found";
  // A stopped check found nothing *so far*: never a green tick for that.
  const tone = head ? head.severity : measuredNothing || report.partial ? "unknown" : "ok";
  const advice = head
    ? head.advice[lang]
    : measuredNothing
    ? NOTHING[lang]
    : report.partial
    ? PARTIAL[lang]
    : ALL_WELL[lang];
  // "Send the report to support" belongs with a problem, not with a clean bill of health
  // (whose advice already says when to send it).
  const askSupport = tone === "fail" || tone === "warn" || measuredNothing;
  const coverage = segmentCoverage(report);
  const shown = Object.fromEntries(SEGMENTS.map((s) => [s, coverage[s].shown])) as Parameters<
    typeof PathDiagram
  >[0]["verdicts"];
  return (
    <section class="verdict" aria-labelledby="verdict-title">
      <div class={`headline tone-${tone}`}>
        <div class="headline-mark" aria-hidden="true">
          {tone === "ok" ? "✓" : tone === "fail" ? "✕" : tone === "warn" ? "!" : "?"}
        </div>
        <div>
          <p class="eyebrow" id="verdict-title">{UI.verdict[lang]}</p>
          <h1>{d.headline.text[lang]}</h1>
          {head ? <p class="lead">{head.detail[lang]}</p> : null}
        </div>
      </div>
      <div class="advice">
        <h2>{UI.whatToDo[lang]}</h2>
        <p>{advice}</p>
        {props.support && askSupport ? <p class="support-line">{props.support[lang]}</p> : null}
        {props.sendSlot ? <div class="send-slot">{props.sendSlot}</div> : null}
      </div>
      <h2 class="section-title">{UI.pathTitle[lang]}</h2>
      <PathDiagram verdicts={shown} lang={lang} />
      <ul class="segments">
        {SEGMENTS.map((s) => {
          const seg = d.segments[s];
          const cov = coverage[s];
          const first = d.findings.find((f) => f.id === seg.findings[0]);
          return (
            <li class={`segment v-${cov.shown}`}>
              <strong>{SEGMENT_NAMES[s][lang]}</strong>
              <span class="pill">{VERDICT_TEXT[cov.shown][lang]}</span>
              {first ? <span class="segment-note">{first.title[lang]}</span> : null}
              {cov.notMeasured.length
                ? (
                  <span class="segment-note not-measured">
                    {UI.notMeasured[lang]}:{" "}
                    {cov.notMeasured.map((n) =>
                      n.reason ? `${n.title[lang]} (${n.reason[lang]})` : n.title[lang]
                    ).join(lang === "ja" ? "、" : "; ")}
                  </span>
                )
                : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
