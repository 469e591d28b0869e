/**
 * URLs of a report's pages and downloads, from its ref.
 *
 * @module
 */
import type { ReportLinks } from "../../report/html/report_view.tsx";
import type { Lang } from "../../util/text.ts";

/** Every link of the report at `ref`. */
export function reportLinks(ref: string, lang: Lang): ReportLinks {
  const f = encodeURIComponent(ref);
  return {
    verdict: `/report?f=${f}`,
    details: `/report/details?f=${f}`,
    json: `/download/json?f=${f}`,
    html: `/download/html?f=${f}&lang=${lang}`,
    text: `/download/text?f=${f}&lang=${lang}`,
  };
}
