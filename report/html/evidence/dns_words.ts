/**
 * DNS outcomes in plain words: response codes (NOERROR, NXDOMAIN, SERVFAIL, …) and the
 * kit's own error names (`timeout`, `no-data`), each with a tone. The code itself stays
 * visible beside the words for support.
 *
 * @module
 */
import type { Localized } from "../../../util/text.ts";
import type { Tone } from "./parts.tsx";

const OUTCOMES: Record<string, Localized & { tone: Tone }> = {
  "noerror": { ja: "応答あり", en: "answered", tone: "ok" },
  "ok": { ja: "応答あり", en: "answered", tone: "ok" },
  "no-data": { ja: "この種類の記録なし", en: "no record of this type", tone: "warn" },
  "nodata": { ja: "この種類の記録なし", en: "no record of this type", tone: "warn" },
  "nxdomain": { ja: "存在しない名前", en: "no such name", tone: "fail" },
  "servfail": { ja: "サーバー障害", en: "server failure", tone: "fail" },
  "servfail-or-unreachable": {
    ja: "サーバー障害または到達不能",
    en: "server failure or unreachable",
    tone: "fail",
  },
  "refused": { ja: "拒否", en: "refused", tone: "fail" },
  "notimp": { ja: "未対応の問い合わせ", en: "not implemented", tone: "fail" },
  "formerr": { ja: "形式エラー", en: "format error", tone: "fail" },
  "timeout": { ja: "応答なし (時間切れ)", en: "no answer (timed out)", tone: "fail" },
  "unreachable": { ja: "到達不能", en: "unreachable", tone: "fail" },
  "connection-refused": { ja: "接続拒否", en: "connection refused", tone: "fail" },
  "econnrefused": { ja: "接続拒否", en: "connection refused", tone: "fail" },
  "enotfound": { ja: "名前が見つからない", en: "name not found", tone: "fail" },
};

/** Words and tone for a DNS outcome code, or null when the code is not known. */
export function dnsOutcome(code: string | number | null): (Localized & { tone: Tone }) | null {
  if (code === null) return null;
  const key = typeof code === "number" ? RCODE_NUMBERS[code] ?? "" : code.toLowerCase();
  return OUTCOMES[key] ?? null;
}

/** RFC 1035/2136 response codes by number. */
const RCODE_NUMBERS: Record<number, string> = {
  0: "noerror",
  1: "formerr",
  2: "servfail",
  3: "nxdomain",
  4: "notimp",
  5: "refused",
};

/** The name of a response code for display: `SERVFAIL` for 2 or "servfail". */
export function rcodeName(code: string | number): string {
  return (typeof code === "number" ? RCODE_NUMBERS[code] ?? String(code) : code).toUpperCase();
}

/** Kinds of resolvers in `dns.compare`. */
export const RESOLVER_KIND: Record<string, Localized> = {
  configured: { ja: "この端末の設定", en: "configured" },
  public: { ja: "公開 DNS", en: "public" },
  system: { ja: "OS の名前解決", en: "the system resolver" },
};

/** The conclusion of `dns.compare`. */
export const COMPARE_VERDICT: Record<string, Localized & { tone: Tone }> = {
  "fine": {
    ja: "設定された DNS は正常に応答しています",
    en: "The configured DNS answers normally",
    tone: "ok",
  },
  "configured-slow": {
    ja: "設定された DNS が公開 DNS より遅いです",
    en: "The configured DNS is slower than public DNS",
    tone: "warn",
  },
  "configured-broken": {
    ja: "設定された DNS が応答しません (公開 DNS は応答)",
    en: "The configured DNS does not answer (public DNS does)",
    tone: "fail",
  },
  "configured-fails-type": {
    ja: "設定された DNS が一部の種類 (A または AAAA) の問い合わせに失敗します (公開 DNS は応答)",
    en: "The configured DNS fails lookups of one record type (A or AAAA) that public DNS answers",
    tone: "warn",
  },
  "configured-differs": {
    ja: "設定された DNS の回答が公開 DNS と食い違います",
    en: "The configured DNS answers differently from public DNS",
    tone: "warn",
  },
  "all-broken": { ja: "どの DNS も応答しません", en: "No DNS server answers", tone: "fail" },
  "no-configured": {
    ja: "DNS サーバーが設定されていません",
    en: "No DNS server is configured",
    tone: "fail",
  },
};
