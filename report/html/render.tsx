/**
 * The single-file HTML report: the same pages as the web view, with the stylesheet inlined,
 * no script and nothing fetched, so it can be attached to an email and read anywhere. A
 * `<meta>` Content-Security-Policy forbids everything but that one stylesheet and inline
 * images, so even a mistake in escaping could not run code or load anything.
 *
 * @module
 */
import type { Report } from "../schema.ts";
import { Document, toHtml } from "./document.tsx";
import { UI } from "./i18n.ts";
import { ReportView } from "./report_view.tsx";
import { StandaloneHeader } from "./standalone_header.tsx";
import { CSS_HASH_SOURCE } from "./styles.ts";
import type { Lang, Localized } from "../../util/text.ts";

/** The policy of the single file. */
export const STANDALONE_CSP =
  `default-src 'none'; style-src ${CSS_HASH_SOURCE}; img-src data:; base-uri 'none'; form-action 'none'`;

/** Options of {@link renderReportHtml}. */
export interface RenderOptions {
  /** The brand's support line. */
  support?: Localized;
  /** Say the digest was verified (only when it was). */
  verified?: boolean;
}

/** Renders `report` in `lang` as one self-contained HTML document. */
export function renderReportHtml(
  report: Report,
  lang: Lang,
  opts: RenderOptions = {},
): Promise<string> {
  const title = `${report.tool.brand.product} — ${UI.reportTitle[lang]} ${report.id}`;
  return toHtml(
    <Document lang={lang} title={title} metaCsp={STANDALONE_CSP}>
      <StandaloneHeader report={report} lang={lang} />
      <main>
        <ReportView report={report} lang={lang} part="all" {...opts} />
      </main>
      <footer class="page">{UI.footer[lang]}</footer>
    </Document>,
  );
}
