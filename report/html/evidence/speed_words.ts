/**
 * The words of the speed test: why a direction ended, what cut a server short, the
 * bufferbloat grades, AIM use-case classes and confidence levels, in both languages.
 *
 * @module
 */
import type { Localized } from "../../../util/text.ts";
import type { Tone } from "./parts.tsx";

/** Why a direction ended. */
export const STOP_REASON: Record<string, Localized & { early: boolean }> = {
  stable: { ja: "速度が安定したので終了", en: "ended when the rate was stable", early: false },
  time: { ja: "測定時間の上限で終了", en: "ended at its time limit", early: false },
  budget: { ja: "通信量の上限で終了", en: "ended at its data budget", early: false },
  stalled: {
    ja: "データが流れなくなり途中で終了",
    en: "ended early: the transfer stalled",
    early: true,
  },
  error: { ja: "エラーで途中で終了", en: "ended early by an error", early: true },
  aborted: { ja: "中断されました", en: "was interrupted", early: true },
};

/** What cut a server's measurement short (`outcome`, error kinds). */
export const SPEED_OUTCOME: Record<string, Localized> = {
  "ok": { ja: "正常", en: "completed" },
  "unreachable": { ja: "サーバーに届きません", en: "the server is unreachable" },
  "refused": { ja: "接続を拒否されました", en: "the connection was refused" },
  "timeout": { ja: "時間切れ", en: "timed out" },
  "tls": { ja: "TLS (暗号化) のエラー", en: "a TLS error" },
  "reset": { ja: "接続が切断されました", en: "the connection was reset" },
  "closed": { ja: "接続が閉じられました", en: "the connection was closed" },
  "malformed": { ja: "応答の形式が不正", en: "a malformed answer" },
  "wrong-length": { ja: "応答の長さが不正", en: "an answer of the wrong length" },
  "status": { ja: "HTTP のエラー応答", en: "an HTTP error status" },
  "not-kiriwake": { ja: "速度測定サーバーではありません", en: "not a speed test server" },
  "stalled": { ja: "データが流れなくなりました", en: "the transfer stalled" },
  "aborted": { ja: "中断されました", en: "interrupted" },
};

/** Bufferbloat grades: how much latency grows under load. */
export const GRADE: Record<string, Localized & { tone: Tone }> = {
  "A+": { ja: "ほとんど増えません", en: "hardly grows", tone: "ok" },
  "A": { ja: "わずかに増えます", en: "grows a little", tone: "ok" },
  "B": { ja: "少し増えます", en: "grows somewhat", tone: "ok" },
  "C": { ja: "大きく増えます", en: "grows a lot", tone: "warn" },
  "D": { ja: "非常に大きく増えます", en: "grows very much", tone: "fail" },
  "F": { ja: "極端に増えます", en: "grows extremely", tone: "fail" },
};

/** AIM use-case classes. */
export const AIM_CLASS: Record<string, Localized & { tone: Tone }> = {
  bad: { ja: "悪い", en: "bad", tone: "fail" },
  poor: { ja: "やや悪い", en: "poor", tone: "warn" },
  average: { ja: "普通", en: "average", tone: "unknown" },
  good: { ja: "良い", en: "good", tone: "ok" },
  great: { ja: "非常に良い", en: "great", tone: "ok" },
};

/** AIM use cases. */
export const AIM_USE: Record<string, Localized> = {
  streaming: { ja: "動画の視聴", en: "Streaming" },
  gaming: { ja: "オンラインゲーム", en: "Gaming" },
  rtc: { ja: "ビデオ通話", en: "Video calls" },
};

/** Confidence levels of the speed engine (`Low`, `Medium`, `High`). */
export const LEVEL: Record<string, Localized> = {
  Low: { ja: "低", en: "low" },
  Medium: { ja: "中", en: "medium" },
  High: { ja: "高", en: "high" },
};

/** Server kinds. */
export const SERVER_KIND: Record<string, Localized> = {
  "on-net": { ja: "プロバイダー網内", en: "inside the provider's network" },
  "off-net": { ja: "プロバイダー網外", en: "outside the provider's network" },
};
