/**
 * The outcome of a probe that pinged several targets: one status and one line for the
 * customer, from the per-target records.
 *
 * @module
 */
import type { PingTarget } from "./ping_run.ts";
import type { Localized } from "../../util/text.ts";

/** Status, summary and (when nothing was measured) the reason, for a set of ping records. */
export function summarizePings(
  records: readonly PingTarget[],
  what: Localized,
): { status: "ok" | "warn" | "fail" | "skipped"; summary: Localized; reason?: Localized } {
  const measured = records.filter((r) =>
    r.status === "ok" || r.status === "warn" || r.status === "fail"
  );
  if (measured.length === 0) {
    // Nothing measured: say why, once per distinct reason (e.g. "Command ping was not found").
    const reasons = [
      ...new Map(records.filter((r) => r.reason).map((r) => [r.reason!.en, r.reason!])).values(),
    ];
    const reason = {
      ja: reasons.map((r) => r.ja).join("。") || `${what.ja}を測れませんでした`,
      en: reasons.map((r) => r.en).join("; ") || `Could not measure ${what.en}`,
    };
    return { status: "skipped", summary: reason, reason };
  }
  const answered = measured.filter((r) => r.received > 0);
  const status = answered.length === 0
    ? "fail"
    : measured.some((r) => r.status !== "ok")
    ? "warn"
    : "ok";
  const loss = Math.max(...measured.map((r) => r.lossPercent ?? 100));
  const avg = Math.max(...answered.map((r) => r.rtt?.avgMs ?? 0), 0);
  const jitter = Math.max(...answered.map((r) => r.jitterMs ?? 0), 0);
  const n = `${answered.length}/${measured.length}`;
  return {
    status,
    summary: answered.length === 0
      ? { ja: `${what.ja}から応答がありません`, en: `No ${what.en} answered` }
      : {
        ja:
          `${what.ja} ${n} が応答。最大損失 ${loss}%、最大平均 ${avg} ms、最大ジッター ${jitter} ms`,
        en:
          `${n} ${what.en} answered; loss up to ${loss}%, average up to ${avg} ms, jitter up to ${jitter} ms`,
      },
  };
}
