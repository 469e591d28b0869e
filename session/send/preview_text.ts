/**
 * What leaves the device, in words: the rows both faces show before asking for the consent
 * to send (the terminal prompt, the browser's send page) and the dry run prints. One list,
 * so the terminal and the browser can never say different things.
 *
 * @module
 */
import { CATEGORY_TEXT } from "../../consent/categories.ts";
import type { Lang, Localized } from "../../util/text.ts";
import type { SendPreview } from "./plan.ts";

/** One row: a label and its value, in one language. */
export type PreviewRow = [label: string, value: string];

const TRUST: Record<SendPreview["trust"], Localized> = {
  "pinned-ca": {
    ja: "暗号化 (提供者の証明書を固定して確認)",
    en: "encrypted, the provider's certificate authority pinned",
  },
  "pinned-key": {
    ja: "暗号化 (提供者の公開鍵を固定して確認)",
    en: "encrypted, the provider's public key pinned",
  },
  "pinned-ca-and-key": {
    ja: "暗号化 (提供者の証明書と公開鍵を固定して確認)",
    en: "encrypted, the provider's certificate authority and public key pinned",
  },
  "system-roots": {
    ja: "暗号化 (この端末が信頼する証明書で確認)",
    en: "encrypted, checked against this computer's trusted certificates",
  },
  "this-computer": {
    ja: "このコンピューターの中だけ (ネットワークに出ません)",
    en: "inside this computer only (never crosses a network)",
  },
};

/** The words around the rows. */
export const SEND_WORDS = {
  question: {
    ja: "このレポートをサポート窓口に送信しますか？",
    en: "Send this report to the support desk?",
  },
  leaves: {
    ja:
      "送信されるのは、保存されたレポートそのもの (下記の区分のみ、同意しなかった区分は記録も送信もされません) です。",
    en:
      "What leaves this computer is the report exactly as saved: only the categories below; what you did not consent to was never recorded and is not sent.",
  },
  consentNote: {
    ja: "送信するたびに確認します。送信後も受付番号で取り下げられます。",
    en:
      "You are asked every time. After sending, the report can be withdrawn with its receipt code.",
  },
} as const;

/**
 * The rows describing `p` in `lang`. `ticketRow: false` leaves the ticket out (the browser
 * asks for it in a field below the rows).
 */
export function previewRows(
  p: SendPreview,
  lang: Lang,
  opts: { ticketRow?: boolean } = {},
): PreviewRow[] {
  const ja = lang === "ja";
  const masked = Object.entries(p.masked).filter(([, n]) => n > 0);
  const rows: PreviewRow[] = [
    [ja ? "送信先" : "Destination", p.destination],
    ...(p.alternates.length > 0
      ? [[ja ? "予備の送信先" : "Fallbacks", p.alternates.join(", ")] as PreviewRow]
      : []),
    [ja ? "通信" : "Connection", TRUST[p.trust][lang]],
    [ja ? "レポート" : "Report", `${p.reportId} (${p.createdAt})`],
    [ja ? "診断結果" : "Verdict", p.headline[lang]],
    [
      ja ? "含まれる情報" : "Information included",
      p.granted.map((c) => CATEGORY_TEXT[c][lang]).join("; ") || "–",
    ],
    [
      ja ? "含まれない情報" : "Not included",
      p.refused.length
        ? p.refused.map((c) => CATEGORY_TEXT[c][lang]).join("; ") +
          (masked.length
            ? ja
              ? ` (伏せ字: ${masked.map(([k, n]) => `${k} ${n} 件`).join("、")})`
              : ` (masked: ${masked.map(([k, n]) => `${n} ${k}`).join(", ")})`
            : "")
        : "–",
    ],
    ...(opts.ticketRow === false
      ? []
      : [[ja ? "お問い合わせ番号" : "Ticket", p.ticket ?? (ja ? "なし" : "none")] as PreviewRow]),
    [
      ja ? "ライセンス" : "Licence",
      p.licence
        ? (ja
          ? `ライセンス ファイルも送ります (契約者 ID ${p.licence.licensee})`
          : `your licence file goes too (licensee ${p.licence.licensee})`)
        : (ja ? "送りません" : "not sent"),
    ],
    ["SHA-256", p.digest],
  ];
  if (p.earlierReceipts.length > 0) {
    rows.push([ja ? "送信済みの受付番号" : "Already sent as", p.earlierReceipts.join(", ")]);
  }
  return rows;
}
