/**
 * The words about sending a report, in Japanese and English: the report pages' send
 * section and the web view's send pages share them.
 *
 * @module
 */
import type { SendStatus } from "../send_schema.ts";
import type { Localized } from "../../util/text.ts";

/** Fixed text about sending. */
export const SEND_UI = {
  title: { ja: "サポートへの送信", en: "Sent to support" },
  receiptLabel: { ja: "受付番号", en: "Receipt code" },
  readOut: {
    ja: "お問い合わせの際は、この受付番号をサポート窓口にお伝えください。",
    en: "Read this receipt code to the support desk when you call or write.",
  },
  destination: { ja: "送信先", en: "Sent to" },
  ticket: { ja: "お問い合わせ番号", en: "Ticket" },
  status: {
    sent: { ja: "送信しました", en: "Sent" },
    queued: {
      ja: "送信待ちです。回線が戻ったら自動で送ります。",
      en: "Waiting to be sent: it goes automatically when the line is back.",
    },
    rejected: { ja: "送信できませんでした", en: "Could not be sent" },
    cancelled: { ja: "送信を取りやめました", en: "Sending was cancelled" },
    withdrawn: { ja: "送信後に取り下げました", en: "Withdrawn after sending" },
  } satisfies Record<SendStatus, Localized>,
  navLink: { ja: "送信", en: "Sends" },
  panelTitle: { ja: "サポート窓口に送る", en: "Send to support" },
  panelText: {
    ja:
      "この診断レポートをサポート窓口に送れます。送る前に、送られる内容と送信先を確認していただきます。送ると受付番号が表示されます。",
    en:
      "You can send this report to the support desk. Before anything is sent you see what leaves this computer and where it goes; then you get a receipt code.",
  },
  sendButton: { ja: "サポートに送る", en: "Send to support" },
  sendAgain: { ja: "もう一度送る", en: "Send again" },
  pageTitle: { ja: "レポートの送信", en: "Send the report" },
  ticketLabel: {
    ja: "お問い合わせ番号 (サポート窓口から伝えられている場合)",
    en: "Ticket number (if the support desk gave you one)",
  },
  viewJson: {
    ja: "送られるレポートの全体を見る (JSON)",
    en: "See the whole report that is sent (JSON)",
  },
  agree: { ja: "同意して送信する", en: "Agree and send" },
  dontSend: { ja: "送信しない", en: "Do not send" },
  sentTitle: { ja: "送信しました", en: "The report was sent" },
  duplicate: {
    ja: "このレポートは既に届いていました (同じ受付番号です)。",
    en: "This report had arrived before (same receipt code).",
  },
  queuedTitle: { ja: "送信待ちに入れました", en: "The report is queued" },
  queuedText: {
    ja:
      "いまは送信できませんでした。レポートはこのコンピューターに保存してあり、なくなりません。この画面を開いている間は自動で再送し、次に kiriwake を起動したときにも送ります。スマートフォンのテザリングなど別の回線につないでから「今すぐ再送する」を押しても送れます。",
    en:
      "It could not be sent just now. The report is kept on this computer and will not be lost. While this window is open it is retried automatically, and again when kiriwake next starts. You can also connect another way (for example, phone tethering) and press “Try again now”.",
  },
  whyNot: { ja: "理由", en: "Why" },
  nextTry: { ja: "次の自動再送", en: "Next automatic try" },
  retryNow: { ja: "今すぐ再送する", en: "Try again now" },
  rejectedTitle: { ja: "送信できませんでした", en: "The report could not be sent" },
  rejectedText: {
    ja:
      "提供者のサーバーがこのレポートを受け付けませんでした。サポート窓口にお問い合わせください。",
    en: "The provider's server did not accept this report. Please contact the support desk.",
  },
  sendsTitle: { ja: "送信の一覧", en: "Sends" },
  waiting: { ja: "送信待ち", en: "Waiting to be sent" },
  finished: { ja: "送信の記録", en: "Sent and finished" },
  nothingWaiting: {
    ja: "送信待ちのレポートはありません。",
    en: "No report is waiting to be sent.",
  },
  nothingSent: { ja: "まだ送信していません。", en: "Nothing has been sent yet." },
  cancelSend: { ja: "送信を取りやめる", en: "Cancel sending" },
  withdraw: { ja: "取り下げる", en: "Withdraw" },
  withdrawHint: {
    ja: "取り下げると、提供者のサーバーからこのレポートが削除されます。",
    en: "Withdrawing deletes this report from the provider's server.",
  },
  withdrawn: { ja: "取り下げました。", en: "Withdrawn." },
  withdrawUnknown: {
    ja: "提供者のサーバーにこのレポートはありません (保存期間を過ぎて削除された可能性があります)。",
    en:
      "The provider's server no longer has this report (it may have been deleted after its retention period).",
  },
  withdrawFailed: {
    ja: "取り下げられませんでした。回線が戻ってから、もう一度お試しください。",
    en: "Could not withdraw it. Try again when the line is back.",
  },
  changed: {
    ja: "レポートか送信先が、確認していただいた後に変わりました。もう一度確認してください。",
    en: "The report or the destination changed after you reviewed it. Please review it again.",
  },
  attempts: { ja: "試行回数", en: "Attempts" },
  report: { ja: "レポート", en: "Report" },
  damaged: {
    ja: "読めない送信記録があります (削除していません)",
    en: "A send record cannot be read (left in place)",
  },
} as const;
