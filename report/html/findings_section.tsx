/**
 * The findings of the diagnosis: for the customer what was seen and what to do; for support
 * the evidence each rests on (the technical line, the confidence, the figures per probe,
 * linked to the probe's details) — folded under the finding on a page, or gathered in the
 * appendix of the single file and of paper.
 *
 * @module
 */
import type { Finding } from "../../diagnosis/schema.ts";
import type { Report } from "../schema.ts";
import { EvidenceValues } from "./evidence_values.tsx";
import { CONFIDENCE_TEXT, SEVERITY_TEXT, UI } from "./i18n.ts";
import type { Lang } from "../../util/text.ts";
import { SEGMENT_NAMES } from "../../probes/types.ts";

/** Where a probe's details are, given its id. */
export type ProbeHref = (probeId: string) => string;

/** Anchor of a finding's evidence in the appendix. */
export const evidenceAnchor = (id: string) => `evidence-${id.replace(/[^A-Za-z0-9_.-]/g, "_")}`;

/** Options of {@link FindingsSection}. */
export interface FindingsProps {
  report: Report;
  lang: Lang;
  probeHref: ProbeHref;
  /** `inline`: evidence folded under each finding; `appendix`: a link to the appendix. */
  evidence: "inline" | "appendix";
}

/** The findings list. */
export function FindingsSection(props: FindingsProps) {
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
          {props.evidence === "inline"
            ? (
              <details class="finding-evidence">
                <summary>{UI.evidence[lang]} ({UI.forSupport[lang]})</summary>
                <FindingEvidence
                  finding={f}
                  report={report}
                  lang={lang}
                  probeHref={props.probeHref}
                />
              </details>
            )
            : (
              <p class="small">
                <a href={`#${evidenceAnchor(f.id)}`}>
                  {UI.evidence[lang]} ({UI.forSupport[lang]}) ↓
                </a>
              </p>
            )}
        </article>
      ))}
    </section>
  );
}

/** What a finding rests on, for support. */
export function FindingEvidence(
  props: { finding: Finding; report: Report; lang: Lang; probeHref: ProbeHref },
) {
  const { finding: f, lang } = props;
  const titleOf = (id: string) => props.report.probes.find((p) => p.id === id)?.title[lang];
  const lossy = /loss/.test(f.id);
  return (
    <div class="support-evidence">
      <p class="small">
        {UI.findingId[lang]}: <code translate="no">{f.id}</code> · {UI.confidence[lang]}:{" "}
        {CONFIDENCE_TEXT[f.confidence][lang]}
      </p>
      <ul class="evidence-list">
        {f.evidence.map((e) => (
          <li>
            <a href={props.probeHref(e.probe)}>
              {titleOf(e.probe) ?? <span translate="no">{e.probe}</span>}
            </a>
            {e.values ? <EvidenceValues values={e.values} lang={lang} lossy={lossy} /> : null}
          </li>
        ))}
      </ul>
      <p class="small muted">{UI.technical[lang]}:</p>
      <pre translate="no" tabindex={0}>{f.technical}</pre>
    </div>
  );
}

/** The appendix list of every finding's evidence. */
export function EvidenceAppendix(props: { report: Report; lang: Lang; probeHref: ProbeHref }) {
  const { report, lang } = props;
  if (report.diagnosis.findings.length === 0) return null;
  return (
    <section class="evidence-appendix" aria-labelledby="evidence-appendix-title">
      <h2 class="section-title" id="evidence-appendix-title">
        {UI.evidence[lang]} ({UI.forSupport[lang]})
      </h2>
      {report.diagnosis.findings.map((f) => (
        <article class={`finding sev-${f.severity}`} id={evidenceAnchor(f.id)}>
          <h3>{f.title[lang]}</h3>
          <FindingEvidence finding={f} report={report} lang={lang} probeHref={props.probeHref} />
        </article>
      ))}
    </section>
  );
}
