/**
 * The list of reports the web view can open, with a verdict dot per segment.
 *
 * @module
 */
import { SEGMENT_NAMES, SEGMENTS } from "../../probes/types.ts";
import { formatTime } from "../../report/html/format.ts";
import { UI, VERDICT_TEXT } from "../../report/html/i18n.ts";
import type { LibraryEntry } from "../library.ts";
import { reportLinks } from "./links.ts";
import type { Lang } from "../../util/text.ts";

/** The list. */
export function ReportList(props: { entries: LibraryEntry[]; lang: Lang }) {
  const { lang } = props;
  if (props.entries.length === 0) return <p class="muted">{UI.noReports[lang]}</p>;
  return (
    <ul class="report-list">
      {props.entries.map((e) =>
        e.report
          ? (
            <li>
              <span class="dots" aria-hidden="true">
                {SEGMENTS.map((s) => (
                  <span
                    class={`v-${e.report!.diagnosis.segments[s].verdict}`}
                    title={`${SEGMENT_NAMES[s][lang]}: ${
                      VERDICT_TEXT[e.report!.diagnosis.segments[s].verdict][lang]
                    }`}
                  />
                ))}
              </span>
              <span>
                <strong>{e.report.diagnosis.headline.text[lang]}</strong>
                <br />
                <span class="muted">
                  {formatTime(e.report.createdAt, lang)} · {e.name}
                  {e.report.partial ? ` · ${lang === "ja" ? "途中まで" : "partial"}` : ""}
                </span>
              </span>
              <a class="button secondary right" href={reportLinks(e.ref, lang).verdict}>
                {UI.open[lang]}
              </a>
            </li>
          )
          : (
            <li>
              <strong>{e.name}</strong>
              <span class="banner error">{e.error?.[lang]}</span>
            </li>
          )
      )}
    </ul>
  );
}
