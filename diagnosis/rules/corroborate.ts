/**
 * Corroboration: a single failed attempt (one connect, one lookup, one request) is never a
 * fault of its own — one lost packet does that by chance — and neither is a symptom that
 * loss produces while the loss itself could not be confirmed or placed. Such findings stay
 * in the report, as notes with their evidence, and the headline does not name them.
 *
 * @module
 */
import type { Localized } from "../../util/text.ts";
import { lossView } from "./loss_view.ts";
import type { RuleFinding, RuleInput } from "./rule.ts";

/** True when loss was seen that the intervals could not confirm or place (`path.loss`). */
export function lossUnsettled(input: RuleInput): boolean {
  return (lossView(input)?.verdicts ?? []).some((v) =>
    v.kind === "undecided" || v.kind === "unlocalised"
  );
}

/** Why a finding was kept as a note. */
export const ONE_FAILURE: Localized = {
  ja: "1 回だけの失敗で、偶然の損失でも起きるため、問題とは判断していません。",
  en: "It failed once only, which a single lost packet does by chance: not counted as a fault.",
};

/** Why a finding was kept as a note while loss is unsettled. */
export const MAYBE_LOSS: Localized = {
  ja: "損失が見られる間に起きたため、その症状の可能性があり、問題とは判断していません。",
  en:
    "It happened while packets were being lost, which it may be a symptom of: not counted as a fault.",
};

/** Why a finding was kept as a note when every request failed alike while pings were clean. */
export const DEVICE_BUSY: Localized = {
  ja:
    "すべての通信が同時に止まり、ping は正常だったため、この端末が一時的に応答できなかった可能性があり、問題とは判断していません。",
  en:
    "Every request stalled at once while pings went through: the device itself was likely too busy. Not counted as a fault.",
};

/** `f` as a note: info, low confidence, breaking nothing, saying why. */
export function asNote(f: RuleFinding, why: Localized): RuleFinding {
  const { breaks: _b, symptom: _s, ...rest } = f;
  return {
    ...rest,
    severity: "info",
    confidence: "low",
    detail: { ja: `${f.detail.ja} ${why.ja}`, en: `${f.detail.en} ${why.en}` },
  };
}
