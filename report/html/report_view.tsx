/**
 * One report as the pages show it: the verdict, the findings, the facts and the probe
 * details, in the parts a page asks for. The web view, the single-file report and the
 * provider's console all render it: a component of a report and a language, nothing global.
 *
 * `all` (the single file, and paper) is the customer's summary first — verdict, advice, path,
 * findings — then an appendix for support with every finding's evidence and every probe's
 * evidence view, expanded.
 *
 * @module
 */
import type { Child } from "hono/jsx";
import type { Report } from "../schema.ts";
import { EvidenceAppendix, FindingsSection } from "./findings_section.tsx";
import { UI } from "./i18n.ts";
import { MetaSection } from "./meta_section.tsx";
import { probeAnchor, ProbesSection } from "./probe_section.tsx";
import { SendSection } from "./send_section.tsx";
import { VerdictSection } from "./verdict_section.tsx";
import type { Lang, Localized } from "../../util/text.ts";

/** Links the web view adds around a report; the single file has none. */
export interface ReportLinks {
  /** The details page (probes) of this report. */
  details: string;
  /** The verdict page of this report. */
  verdict: string;
  json: string;
  html: string;
  text: string;
}

/** Options of {@link ReportView}. */
export interface ReportViewProps {
  report: Report;
  lang: Lang;
  /** `verdict`: verdict, findings, downloads; `details`: the probes; `all`: everything. */
  part: "verdict" | "details" | "all";
  links?: ReportLinks;
  /** The brand's support line, shown with the advice when there is a problem. */
  support?: Localized;
  /** True when the digest was checked on the way in. */
  verified?: boolean;
  /** Where the report file is on this computer (app mode). */
  savedAt?: string;
  /** What the web view offers after the verdict (sending to support), placed with the advice; the single file has none. */
  actions?: Child;
}

/** The report, or the asked-for part of it. */
export function ReportView(props: ReportViewProps) {
  const { report, lang, links } = props;
  const probeHref = (id: string) =>
    props.part === "verdict" && links
      ? `${links.details}#${probeAnchor(id)}`
      : `#${probeAnchor(id)}`;
  return (
    <div class={`report part-${props.part}`}>
      {report.partial ? <p class="banner">{UI.partial[lang]}</p> : null}
      {props.part !== "details"
        ? (
          <>
            <VerdictSection
              report={report}
              lang={lang}
              support={props.support}
              sendSlot={props.actions}
            />
            <SendSection report={report} lang={lang} />
            {links ? <Downloads links={links} lang={lang} savedAt={props.savedAt} /> : null}
            <FindingsSection
              report={report}
              lang={lang}
              probeHref={probeHref}
              evidence={props.part === "all" ? "appendix" : "inline"}
            />
          </>
        )
        : null}
      {props.part === "verdict" && links
        ? (
          <p class="actions">
            <a class="button secondary" href={links.details}>{UI.showDetails[lang]} →</a>
          </p>
        )
        : null}
      {props.part === "details" && links
        ? (
          <>
            <p class="actions">
              <a href={links.verdict}>← {UI.backToVerdict[lang]}</a>
            </p>
            <h1 class="page-title">{UI.details[lang]}</h1>
          </>
        )
        : null}
      {props.part === "all"
        ? (
          <div class="appendix">
            <h2 class="appendix-title">{UI.appendix[lang]}</h2>
            <p class="muted small">{UI.appendixNote[lang]}</p>
            <EvidenceAppendix report={report} lang={lang} probeHref={probeHref} />
            <ProbesSection report={report} lang={lang} />
          </div>
        )
        : props.part === "details"
        ? <ProbesSection report={report} lang={lang} />
        : null}
      <MetaSection report={report} lang={lang} verified={props.verified} />
    </div>
  );
}

function Downloads(props: { links: ReportLinks; lang: Lang; savedAt?: string }) {
  const { links, lang } = props;
  return (
    <section class="panel downloads-panel" aria-labelledby="downloads-title">
      <h2 id="downloads-title" class="section-title">{UI.downloads[lang]}</h2>
      {props.savedAt
        ? (
          <p>
            {UI.savedAt[lang]}: <code class="saved-at" translate="no">{props.savedAt}</code>
          </p>
        )
        : null}
      <p class="muted">{UI.downloadHint[lang]}</p>
      <div class="downloads">
        <a class="button" href={links.json} download="">{UI.downloadJson[lang]}</a>
        <a class="button secondary" href={links.html} download="">{UI.downloadHtml[lang]}</a>
        <a class="button secondary" href={links.text} download="">{UI.downloadText[lang]}</a>
      </div>
    </section>
  );
}
