/**
 * One report as the pages show it: the verdict, the findings, the facts and the probe
 * details, in the parts a page asks for. The web view and the single-file report both
 * render it, so what support sees in the browser and in an email attachment agree.
 *
 * @module
 */
import type { Report } from "../schema.ts";
import { FindingsSection } from "./findings_section.tsx";
import { UI } from "./i18n.ts";
import { MetaSection } from "./meta_section.tsx";
import { probeAnchor, ProbesSection } from "./probe_section.tsx";
import { VerdictSection } from "./verdict_section.tsx";
import { WatchSection } from "./watch_section.tsx";
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
  /** The brand's support line, shown with the advice. */
  support?: Localized;
  /** True when the digest was checked on the way in. */
  verified?: boolean;
  /** Where the report file is on this computer (app mode). */
  savedAt?: string;
}

/** The report, or the asked-for part of it. */
export function ReportView(props: ReportViewProps) {
  const { report, lang, links } = props;
  const probeHref = (id: string) =>
    props.part === "verdict" && links
      ? `${links.details}#${probeAnchor(id)}`
      : `#${probeAnchor(id)}`;
  return (
    <div class="report">
      {report.partial ? <p class="banner">{UI.partial[lang]}</p> : null}
      {props.part !== "details"
        ? (
          <>
            <VerdictSection report={report} lang={lang} support={props.support} />
            {report.watch ? <WatchSection watch={report.watch} lang={lang} /> : null}
            {links ? <Downloads links={links} lang={lang} savedAt={props.savedAt} /> : null}
            <FindingsSection report={report} lang={lang} probeHref={probeHref} />
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
          <p>
            <a href={links.verdict}>← {UI.backToVerdict[lang]}</a>
          </p>
        )
        : null}
      {props.part !== "verdict" ? <ProbesSection report={report} lang={lang} /> : null}
      <MetaSection report={report} lang={lang} verified={props.verified} />
    </div>
  );
}

function Downloads(props: { links: ReportLinks; lang: Lang; savedAt?: string }) {
  const { links, lang } = props;
  return (
    <section class="panel" aria-labelledby="downloads-title">
      <h2 id="downloads-title" class="section-title">{UI.downloads[lang]}</h2>
      {props.savedAt
        ? (
          <p>
            {UI.savedAt[lang]}: <code class="saved-at">{props.savedAt}</code>
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
