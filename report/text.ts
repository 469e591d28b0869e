/**
 * The short text summary of a report, for the terminal and for pasting into a support chat.
 *
 * @module
 */
import { SEGMENTS } from "../probes/types.ts";
import type { Report } from "./schema.ts";
import type { Lang } from "../util/text.ts";
import { segmentCoverage } from "./coverage.ts";
import { SEVERITY_TEXT, STATUS_TEXT, VERDICT_TEXT } from "./html/i18n.ts";
import { sendsOf } from "./send_record.ts";

const MARK = { ok: "OK  ", warn: "WARN", fail: "FAIL", unknown: "--  ", partial: "?   " } as const;

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
  lines.push(...sendLines(report, lang));
  lines.push("");
  lines.push(`${ja ? "結論" : "Verdict"}: ${d.headline.text[lang]}`);
  lines.push("");
  const coverage = segmentCoverage(report);
  for (const s of SEGMENTS) {
    const shown = coverage[s].shown;
    // A stopped run says which of a segment's checks never ran, never a bare OK.
    const note = shown === "partial"
      ? ` (${VERDICT_TEXT.partial[lang]}: ${
        coverage[s].notMeasured.map((n) => n.title[lang]).join(ja ? "、" : ", ")
      })`
      : "";
    lines.push(`  [${MARK[shown]}] ${d.segments[s].summary[lang]}${note}`);
  }
  const shown = d.findings.filter((f) => f.severity !== "info");
  if (shown.length > 0) {
    lines.push("");
    lines.push(ja ? "見つかったこと:" : "Findings:");
    for (const f of shown) {
      const cause = d.findings.find((x) => x.id === f.consequenceOf)?.title[lang] ??
        f.consequenceOf;
      const cons = f.consequenceOf
        ? (ja ? ` (「${cause}」の影響)` : ` (a consequence of: ${cause})`)
        : "";
      lines.push(`  - [${SEVERITY_TEXT[f.severity][lang]}] ${f.title[lang]}${cons}`);
      lines.push(`    ${f.detail[lang]}`);
      if (!f.consequenceOf) lines.push(`    ${ja ? "対処" : "What to do"}: ${f.advice[lang]}`);
      lines.push(`    (${f.technical})`);
    }
  }
  lines.push("");
  lines.push(ja ? "測定項目:" : "Probes:");
  for (const p of report.probes) {
    const why = p.summary?.[lang] ?? p.reason?.[lang] ?? "";
    const status = ja ? STATUS_TEXT[p.status].ja : p.status;
    lines.push(`  ${status.padEnd(ja ? 5 : 7, ja ? "　" : " ")} ${p.id.padEnd(20)} ${why}`);
  }
  lines.push("");
  lines.push(`SHA-256: ${report.digest.value}`);
  return lines.join("\n") + "\n";
}

const SEND_WORDS = {
  ja: {
    sent: "サポートに送信済み — 受付番号",
    queued: "送信待ち (回線が戻ったら送ります)",
    rejected: "送信できませんでした",
    cancelled: "送信を取りやめました",
    withdrawn: "送信後に取り下げました — 受付番号",
    ticket: "お問い合わせ番号",
  },
  en: {
    sent: "Sent to support — receipt",
    queued: "Waiting to be sent (it goes when the line is back)",
    rejected: "Could not be sent",
    cancelled: "Sending was cancelled",
    withdrawn: "Withdrawn after sending — receipt",
    ticket: "ticket",
  },
} as const;

/** One line per send: the receipt code first, as the customer reads it out. */
function sendLines(report: Report, lang: Lang): string[] {
  const w = SEND_WORDS[lang];
  return sendsOf(report).map((s) => {
    const receipt = s.receipt ? ` ${s.receipt}` : "";
    const when = s.sentAt ?? s.consentedAt;
    const ticket = s.ticket ? `, ${w.ticket} ${s.ticket}` : "";
    const note = s.status === "rejected" && s.note ? ` (${s.note})` : "";
    return `${w[s.status]}${receipt}${note}  [${when}${ticket}]`;
  });
}
