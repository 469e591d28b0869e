/**
 * What the terminal says after a send: the receipt code, large, to read out on the phone;
 * or that the report waits in the queue and when it goes; or why the collector refused it.
 *
 * @module
 */
import type { Io } from "../session/command.ts";
import type { Delivery } from "../session/send/deliver.ts";
import type { Lang } from "../util/text.ts";

/** The receipt, framed so it stands out. */
export function receiptBlock(receipt: string, lang: Lang): string {
  const label = lang === "ja" ? "受付番号" : "Receipt code";
  const spaced = receipt.split("").join(" ");
  const line = "━".repeat(spaced.length + 8);
  return [
    "",
    `  ${line}`,
    `  ${label}:`,
    "",
    `      ${spaced}`,
    "",
    `  ${line}`,
    lang === "ja"
      ? "  お問い合わせの際は、この受付番号をサポート窓口にお伝えください。"
      : "  Read this receipt code to the support desk when you call or write.",
    "",
  ].join("\n") + "\n";
}

/** Tells the customer what became of a delivery (on stdout: the receipt is the result). */
export function printDelivery(io: Io, lang: Lang, d: Delivery): void {
  const ja = lang === "ja";
  switch (d.kind) {
    case "sent":
      io.out(receiptBlock(d.entry.record.receipt!, lang));
      if (d.duplicate) {
        io.err(
          ja
            ? "このレポートは既に届いていました (同じ受付番号です)。\n"
            : "This report had arrived before (same receipt code).\n",
        );
      }
      break;
    case "queued":
      io.err(
        ja
          ? `送信できませんでした: ${d.problem}\nレポートは送信待ちに入れました。次に kiriwake を起動したとき、または kiriwake send --pending で送ります (次の自動再送: ${d.entry.nextAttemptAt})。別の回線 (スマートフォンのテザリングなど) につないで kiriwake send --pending を実行しても送れます。\n`
          : `Could not send: ${d.problem}\nThe report is queued. It goes the next time kiriwake starts, or with kiriwake send --pending (next automatic try: ${d.entry.nextAttemptAt}). You can also connect another way (e.g. phone tethering) and run kiriwake send --pending.\n`,
      );
      if (/pin|certificate/i.test(d.problem)) {
        io.err(
          ja
            ? "この回線では提供者のサーバーであることを確認できませんでした (証明書の固定)。公衆 Wi-Fi などでは別の回線をお試しください。\n"
            : "This connection could not prove it reaches your provider's server (certificate pin). On public Wi-Fi and the like, try another connection.\n",
        );
      }
      break;
    case "rejected":
      break; // the command throws with the reason
    case "busy":
      io.err(
        ja
          ? "このレポートは別の kiriwake が送信中です。\n"
          : "Another kiriwake is sending this report right now.\n",
      );
  }
  if ("warning" in d && d.warning) io.err(`${ja ? "注意" : "Note"}: ${d.warning[lang]}\n`);
}

/** The machine-readable result of a delivery (`--json`). */
export function deliveryJson(d: Delivery) {
  const e = d.entry;
  return {
    receipt: e.record.status === "sent" ? e.record.receipt ?? null : null,
    status: d.kind === "busy" ? "queued" : e.record.status,
    sendId: e.id,
    reportId: e.reportId,
    destination: e.record.destination,
    ...(d.kind === "sent" ? { duplicate: d.duplicate, sentAt: e.record.sentAt } : {}),
    ...(d.kind === "queued"
      ? { attempts: e.attempts, nextAttemptAt: e.nextAttemptAt, problem: d.problem }
      : {}),
    ...(d.kind === "rejected" ? { problem: d.problem } : {}),
  };
}
