/**
 * The verdict page and the details page of one report.
 *
 * @module
 */
import { UI } from "../../report/html/i18n.ts";
import { ReportView } from "../../report/html/report_view.tsx";
import type { PageCtx } from "../context.ts";
import type { OpenedReport } from "../library.ts";
import { page } from "./layout.tsx";
import { reportLinks } from "./links.ts";
import { SendPanel } from "./send_panel.tsx";

/** Renders `part` of the opened report. */
export function reportPage(
  ctx: PageCtx,
  opened: OpenedReport,
  part: "verdict" | "details",
  savedAt?: string,
): Promise<string> {
  const { lang } = ctx;
  const title = part === "verdict" ? UI.verdict[lang] : UI.details[lang];
  const canSend = ctx.sending && ctx.brand.collector.urls.length > 0 && part === "verdict";
  return page(
    ctx,
    { title },
    <ReportView
      report={opened.report}
      lang={lang}
      part={part}
      links={reportLinks(opened.ref, lang)}
      support={ctx.brand.support}
      savedAt={savedAt}
      verified
      actions={canSend ? <SendPanel ctx={ctx} report={opened.report} ref={opened.ref} /> : null}
    />,
  );
}
