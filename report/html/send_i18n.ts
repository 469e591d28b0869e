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
} as const;
