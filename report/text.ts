/**
 * The short text summary of a report, for the terminal and for pasting into a support chat.
 *
 * @module
 */
import { SEGMENTS } from "../probes/types.ts";
import type { Report } from "./schema.ts";
import { watchLines } from "./watch_text.ts";
import type { Lang } from "../util/text.ts";

const MARK = { ok: "OK  ", warn: "WARN", fail: "FAIL", unknown: "--  " } as const;

/** Renders the summary in `lang`. */
export function renderText(report: Report, lang: Lang): string {
  const ja = lang === "ja";
  const d = report.diagnosis;
  const lines: string[] = [];
  lines.push(
    `${report.tool.brand.product} ${report.tool.version} — ${
      ja ? "診断レポート" : "diagnosis report"
    } ${report.id}`,
  );
  lines.push(
    `${ja ? "作成" : "Created"}: ${report.createdAt}${
      report.partial ? (ja ? "  (途中までの結果)" : "  (partial)") : ""
    }`,
  );
  lines.push("");
  lines.push(`${ja ? "結論" : "Verdict"}: ${d.headline.text[lang]}`);
  lines.push("");
  for (const s of SEGMENTS) {
    lines.push(`  [${MARK[d.segments[s].verdict]}] ${d.segments[s].summary[lang]}`);
  }
  if (report.watch) lines.push("", ...watchLines(report.watch, lang));
  const shown = d.findings.filter((f) => f.severity !== "info");
  if (shown.length > 0) {
    lines.push("");
    lines.push(ja ? "見つかったこと:" : "Findings:");
    for (const f of shown) {
      const cons = f.consequenceOf
        ? (ja ? ` (${f.consequenceOf} の影響)` : ` (consequence of ${f.consequenceOf})`)
        : "";
      lines.push(`  - [${f.severity}] ${f.title[lang]}${cons}`);
      lines.push(`    ${f.detail[lang]}`);
      if (!f.consequenceOf) lines.push(`    ${ja ? "対処" : "What to do"}: ${f.advice[lang]}`);
      lines.push(`    (${f.technical})`);
    }
  }
  lines.push("");
  lines.push(ja ? "測定項目:" : "Probes:");
  for (const p of report.probes) {
    const why = p.summary?.[lang] ?? p.reason?.[lang] ?? "";
    lines.push(`  ${p.status.padEnd(7)} ${p.id.padEnd(20)} ${why}`);
  }
  lines.push("");
  lines.push(`SHA-256: ${report.digest.value}`);
  return lines.join("\n") + "\n";
}
