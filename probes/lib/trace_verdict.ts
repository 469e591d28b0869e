/**
 * The outcome line of `path.trace`: one status and a summary that says plainly when loss
 * at a hop is only rate limiting, as mtr readers keep taking it for a fault.
 *
 * @module
 */
import type { TracedTarget } from "./traced_target.ts";
import type { TraceStats } from "./trace_stats.ts";
import type { Localized } from "../../util/text.ts";

/** Status and summary of `path.trace` from its per-target records. */
export function traceVerdict(
  targets: readonly TracedTarget[],
): { status: "ok" | "warn" | "fail" | "skipped"; summary: Localized; reason?: Localized } {
  const measured = targets.filter((t) => t.status !== "skipped" && t.status !== "error");
  if (measured.length === 0) {
    const reasons = [
      ...new Map(targets.filter((t) => t.reason).map((t) => [t.reason!.en, t.reason!])).values(),
    ];
    const reason = {
      ja: reasons.map((r) => r.ja).join("。") || "経路を測れませんでした",
      en: reasons.map((r) => r.en).join("; ") || "No route could be traced",
    };
    return { status: "skipped", summary: reason, reason };
  }
  const status = measured.every((t) => t.status === "fail")
    ? "fail"
    : measured.some((t) => t.status !== "ok")
    ? "warn"
    : "ok";
  const ja: string[] = [];
  const en: string[] = [];
  for (const t of measured) {
    const hops = t.hops.length;
    if (t.reached) {
      ja.push(`${t.target}: ${hops} ホップで到達、宛先での損失 ${t.endLossPercent}%`);
      en.push(`${t.target}: reached in ${hops} hops, ${t.endLossPercent}% loss at the destination`);
    } else {
      ja.push(`${t.target}: 宛先に届かず`);
      en.push(`${t.target}: destination not reached`);
    }
    if (t.rateLimitedHops.length) {
      const list = t.rateLimitedHops.join(", ");
      ja.push(`ホップ ${list} の損失は応答の間引き (レート制限) で、障害ではありません`);
      en.push(`loss at hop ${list} is rate limiting, not a fault`);
    }
    if (t.persistentLossFrom !== null) {
      ja.push(`ホップ ${t.persistentLossFrom} から宛先まで損失が続いています`);
      en.push(`loss from hop ${t.persistentLossFrom} persists to the destination`);
    }
  }
  return { status, summary: { ja: ja.join("。"), en: en.join("; ") } };
}

/** A traced target's status and reason, from its aggregate. */
export function judgeTrace(s: TraceStats): { status: TracedTarget["status"]; reason?: Localized } {
  if (s.hops.every((h) => h.received === 0)) {
    return {
      status: "fail",
      reason: { ja: "どのホップからも応答がありません", en: "No hop answered" },
    };
  }
  if (!s.reached) {
    const last = s.hops.findLast((h) => h.received > 0)!.ttl;
    return {
      status: "warn",
      reason: {
        ja: `宛先は応答しませんでした (ホップ ${last} まで応答あり)`,
        en: `The destination did not answer (hops answered up to ${last})`,
      },
    };
  }
  if (s.persistentLossFrom !== null) {
    return {
      status: "warn",
      reason: {
        ja: `ホップ ${s.persistentLossFrom} から宛先まで損失が続いています`,
        en: `Loss from hop ${s.persistentLossFrom} persists to the destination`,
      },
    };
  }
  return { status: "ok" };
}
