/**
 * The findings of the diagnosis, each with what was seen, what to do, the line for support
 * and the evidence it rests on (linked to the probe's details).
 *
 * @module
 */
import type { Report } from "../schema.ts";
import { formatScalar } from "./format.ts";
import { CONFIDENCE_TEXT, SEVERITY_TEXT, UI } from "./i18n.ts";
import type { Lang } from "../../util/text.ts";
import { SEGMENT_NAMES } from "../../probes/types.ts";

/** Where a probe's details are, given its id. */
export type ProbeHref = (probeId: string) => string;

/** The findings list. */
export function FindingsSection(
  props: { report: Report; lang: Lang; probeHref: ProbeHref },
) {
  const { report, lang } = props;
  const findings = report.diagnosis.findings;
  const titleOf = (id: string) => findings.find((f) => f.id === id)?.title[lang] ?? id;
  return (
    <section class="findings" aria-labelledby="findings-title">
      <h2 class="section-title" id="findings-title">{UI.findings[lang]}</h2>
      {findings.length === 0 ? <p class="muted">{UI.noFindings[lang]}</p> : null}
      {findings.map((f) => (
        <article class={`finding sev-${f.severity}`} id={`finding-${f.id}`}>
          <header>
            <span class="pill">{SEVERITY_TEXT[f.severity][lang]}</span>
            <span class="muted">{SEGMENT_NAMES[f.segment][lang]}</span>
            <h3>{f.title[lang]}</h3>
          </header>
          <p>{f.detail[lang]}</p>
          {f.consequenceOf
            ? <p class="muted">{UI.consequence[lang]}: {titleOf(f.consequenceOf)}</p>
            : <p class="finding-advice">{UI.whatToDo[lang]}: {f.advice[lang]}</p>}
          <details>
            <summary>{UI.evidence[lang]} · {UI.forSupport[lang]}</summary>
            <p>
              <code>{f.id}</code> · {UI.confidence[lang]}: {CONFIDENCE_TEXT[f.confidence][lang]}
            </p>
            <pre>{f.technical}</pre>
            <ul class="evidence-list">
              {f.evidence.map((e) => (
                <li>
                  <a href={props.probeHref(e.probe)}>{e.probe}</a>
                  {e.values
                    ? (
                      <span class="muted">
                        {" "}
                        {Object.entries(e.values).map(([k, v]) => `${k}=${formatScalar(v)}`).join(
                          ", ",
                        )}
                      </span>
                    )
                    : null}
                </li>
              ))}
            </ul>
          </details>
        </article>
      ))}
    </section>
  );
}
