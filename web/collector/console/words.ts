/**
 * The console's words in Japanese and English. Report words (segments, verdicts, statuses)
 * come from `report/html/i18n.ts`, so the console and the report pages say the same thing.
 *
 * @module
 */
import { ACCESS_TYPES } from "../../../probes/builtin/isp_access.ts";
import type { Lang, Localized } from "../../../util/text.ts";

/** Every console string. */
export const W = {
  console: { ja: "サポート窓口コンソール", en: "Support desk console" },
  signIn: { ja: "サインイン", en: "Sign in" },
  signOut: { ja: "サインアウト", en: "Sign out" },
  login: { ja: "ユーザー名", en: "User name" },
  password: { ja: "パスワード", en: "Password" },
  signInRefused: {
    ja: "ユーザー名かパスワードが違います。続けて間違えるとしばらくサインインできなくなります",
    en: "Wrong user name or password. Repeated mistakes lock the account for a while",
  },
  tooManyAttempts: {
    ja: "このアドレスからのサインインが多すぎます。しばらく待ってからやり直してください",
    en: "Too many sign-in attempts from this address; wait a little and try again",
  },
  signedOut: { ja: "サインアウトしました", en: "You are signed out" },
  sessionEnded: {
    ja: "セッションが終了しました。もう一度サインインしてください",
    en: "Your session ended; please sign in again",
  },
  search: { ja: "検索", en: "Search" },
  audit: { ja: "監査ログ", en: "Audit log" },
  staff: { ja: "スタッフ", en: "Staff" },
  tenants: { ja: "テナント", en: "Tenants" },
  receipt: { ja: "受付番号", en: "Receipt code" },
  receiptHint: {
    ja: "お客様が読み上げる番号を入力してください (例 KW-7F3K-9HQC。小文字・空白でも構いません)",
    en: "Type the code the customer reads out (e.g. KW-7F3K-9HQC; lower case and spaces are fine)",
  },
  open: { ja: "開く", en: "Open" },
  notFound: {
    ja: "この受付番号のレポートは見つかりません",
    en: "No report with this receipt code",
  },
  notFoundHint: {
    ja: "番号をもう一度読み上げてもらってください。送信が完了していない可能性もあります",
    en: "Ask the customer to read the code again; the report may not have been sent yet",
  },
  filters: { ja: "絞り込み", en: "Filters" },
  ticket: { ja: "チケット", en: "Ticket" },
  from: { ja: "開始", en: "From" },
  to: { ja: "終了", en: "To" },
  blamed: { ja: "問題の区間", en: "Blamed segment" },
  noProblem: { ja: "問題なし", en: "No problem" },
  any: { ja: "すべて", en: "Any" },
  access: { ja: "接続方式", en: "Access type" },
  accessUnknown: { ja: "不明", en: "Unknown" },
  os: { ja: "OS", en: "OS" },
  kit: { ja: "キットのバージョン", en: "Kit version" },
  tenant: { ja: "テナント", en: "Tenant" },
  allTenants: { ja: "すべてのテナント", en: "All tenants" },
  apply: { ja: "検索する", en: "Search" },
  clear: { ja: "条件を消す", en: "Clear" },
  results: { ja: "レポート", en: "Reports" },
  noResults: { ja: "条件に合うレポートはありません", en: "No report matches" },
  older: { ja: "さらに古いレポート", en: "Older reports" },
  exportCsv: { ja: "CSV で書き出す", en: "Export CSV" },
  compareSelected: { ja: "選んだ 2 件を比べる", en: "Compare the two selected" },
  pick: { ja: "比較に選ぶ", en: "Pick to compare" },
  received: { ja: "受信", en: "Received" },
  created: { ja: "作成", en: "Created" },
  partial: { ja: "途中まで", en: "partial" },
  watch: { ja: "継続測定", en: "watch" },
  incident: { ja: "障害の可能性", en: "Possible incident" },
  showThem: { ja: "該当レポートを表示", en: "Show them" },
  details: { ja: "測定の詳細", en: "Measurement details" },
  verdict: { ja: "判定", en: "Verdict" },
  back: { ja: "戻る", en: "Back" },
  baseline: { ja: "同じ条件のお客様との比較", en: "Against the crowd" },
  baselineHint: {
    ja: "同じ接続方式・同じ時間帯の他のレポートの分布と、このレポートの位置",
    en: "How reports of the same access type at the same hour spread, and where this one sits",
  },
  wholeProvider: { ja: "全テナントで比べる", en: "Compare with every tenant" },
  ownTenant: { ja: "このテナントで比べる", en: "Compare within this tenant" },
  byHour: { ja: "時間帯ごとの中央値 (ダウンロード)", en: "Median download by hour" },
  timeline: { ja: "このお客様のレポート", en: "This customer's reports" },
  timelineHint: {
    ja: "同じ端末、または同じチケットのレポート",
    en: "Reports of the same device or the same ticket",
  },
  timelineNone: {
    ja:
      "同じ端末やチケットのレポートはほかにありません (識別子の記録に同意していないお客様の端末は結び付けません)",
    en:
      "No other report of this device or ticket (a device is not linked when the customer did not consent to identifiers)",
  },
  thisReport: { ja: "このレポート", en: "this report" },
  compareWith: { ja: "これと比べる", en: "Compare with this" },
  licenceReports: { ja: "同じライセンスのレポート", en: "Reports under this licence" },
  deviceReports: { ja: "この端末のレポートをすべて表示", en: "All reports of this device" },
  compare: { ja: "比較", en: "Compare" },
  compareTitle: { ja: "2 つのレポートを比べる", en: "Two reports side by side" },
  compareNeedTwo: {
    ja: "比べるレポートを 2 件選んでください",
    en: "Pick two reports to compare",
  },
  numbers: { ja: "主な数値", en: "Key figures" },
  findings: { ja: "所見", en: "Findings" },
  download: { ja: "ダウンロード", en: "Download" },
  upload: { ja: "アップロード", en: "Upload" },
  loaded: { ja: "負荷時の遅延", en: "Latency under load" },
  loss: { ja: "パケット損失", en: "Packet loss" },
  when: { ja: "日時", en: "When" },
  who: { ja: "誰が", en: "Who" },
  action: { ja: "操作", en: "Action" },
  receipts: { ja: "受付番号", en: "Receipts" },
  detail: { ja: "内容", en: "Detail" },
  auditHint: {
    ja: "レポートを開いた・比べた・書き出した・一覧に表示した記録と、アカウントの操作",
    en: "Who opened, compared, exported or listed which report, and account events",
  },
  role: { ja: "役割", en: "Role" },
  name: { ja: "表示名", en: "Display name" },
  state: { ja: "状態", en: "State" },
  lastSignIn: { ja: "最後のサインイン", en: "Last sign-in" },
  active: { ja: "有効", en: "Active" },
  disabled: { ja: "無効", en: "Disabled" },
  locked: { ja: "ロック中", en: "Locked" },
  disable: { ja: "無効にする", en: "Disable" },
  enable: { ja: "有効にする", en: "Enable" },
  reset: { ja: "パスワードを再発行", en: "Reset password" },
  addStaff: { ja: "スタッフを追加", en: "Add staff" },
  add: { ja: "追加する", en: "Add" },
  oneTimePassword: {
    ja:
      "この初期パスワードを本人に安全な方法で伝えてください。二度と表示されません。最初のサインインで変更を求めます",
    en:
      "Hand this first password to its owner safely; it is not shown again. It must be changed at the first sign-in",
  },
  retention: { ja: "保存期間 (日)", en: "Retention (days)" },
  retentionDefault: { ja: "既定 (空欄)", en: "default (empty)" },
  save: { ja: "保存する", en: "Save" },
  saved: { ja: "保存しました", en: "Saved" },
  changePassword: { ja: "パスワードの変更", en: "Change password" },
  mustChange: {
    ja: "続ける前に、新しいパスワードを設定してください",
    en: "Set a new password before you continue",
  },
  current: { ja: "今のパスワード", en: "Current password" },
  newPassword: { ja: "新しいパスワード (12 文字以上)", en: "New password (12 characters or more)" },
  repeat: { ja: "新しいパスワード (確認)", en: "New password again" },
  mismatch: { ja: "確認用のパスワードが一致しません", en: "The two new passwords differ" },
  forbidden: { ja: "この操作の権限がありません", en: "You may not do this" },
  pageNotFound: { ja: "ページが見つかりません", en: "No such page" },
  failed: {
    ja: "処理できませんでした。しばらくしてからやり直してください",
    en: "Something failed; try again in a moment",
  },
  unavailable: {
    ja: "データベースに接続できません。しばらくしてからやり直してください",
    en: "The database cannot be reached; try again in a moment",
  },
  badForm: {
    ja: "フォームの有効期限が切れたか、別のサイトから送信されました。ページを開き直してください",
    en: "The form expired or came from another site; reload the page and try again",
  },
  language: { ja: "English", en: "日本語" },
  signedInAs: { ja: "サインイン中", en: "Signed in as" },
  notMeasured: { ja: "未測定", en: "not measured" },
  peers: { ja: "件", en: "reports" },
} satisfies Record<string, Localized>;

/** Role names. */
export const ROLE_TEXT: Record<string, Localized> = {
  "agent": { ja: "オペレーター", en: "Agent" },
  "tenant-admin": { ja: "テナント管理者", en: "Tenant admin" },
  "provider-admin": { ja: "プロバイダー管理者", en: "Provider admin" },
};

/** Audit actions in words. */
export const ACTION_TEXT: Record<string, Localized> = {
  "open": { ja: "レポートを開いた", en: "opened a report" },
  "compare": { ja: "レポートを比べた", en: "compared reports" },
  "export": { ja: "書き出した", en: "exported" },
  "search": { ja: "一覧に表示した", en: "listed" },
  "lookup": { ja: "受付番号で検索した", en: "looked up a receipt" },
  "sign-in": { ja: "サインインした", en: "signed in" },
  "sign-in-failed": { ja: "サインインに失敗した", en: "failed to sign in" },
  "sign-out": { ja: "サインアウトした", en: "signed out" },
  "locked": { ja: "アカウントがロックされた", en: "account locked" },
  "password-change": { ja: "パスワードを変更した", en: "changed the password" },
  "staff-add": { ja: "スタッフを追加した", en: "added staff" },
  "staff-disable": { ja: "スタッフを無効にした", en: "disabled staff" },
  "staff-enable": { ja: "スタッフを有効にした", en: "enabled staff" },
  "staff-reset": { ja: "パスワードを再発行した", en: "reset a password" },
  "retention-set": { ja: "保存期間を変えた", en: "set retention" },
};

/** Access types in words: the names `isp.access` gives them (one list for every page). */
export const ACCESS_TEXT = ACCESS_TYPES;

/** An access type in words; the raw value when unknown, "unknown" for null. */
export function accessName(type: string | null, lang: Lang): string {
  if (type === null) return W.accessUnknown[lang];
  return ACCESS_TEXT[type]?.[lang] ?? type;
}

/** OS names. */
export const OS_TEXT: Record<string, string> = {
  windows: "Windows",
  darwin: "macOS",
  linux: "Linux",
};

/** A time in the collector's zone: `2026-12-03 21:05`. */
export function fmtTime(d: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(d);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? "";
  return `${p("year")}-${p("month")}-${p("day")} ${p("hour")}:${p("minute")}`;
}

/** A number with at most `digits` decimals, or a dash. */
export function fmtNum(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  const f = 10 ** digits;
  return String(Math.round(v * f) / f);
}
