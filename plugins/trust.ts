/**
 * Whether a manifest may be used, from its signature state and the brand's policy. Pure, so
 * every combination is tested.
 *
 * @module
 */
import type { SignatureCheck } from "./signature.ts";
import type { Localized } from "../util/text.ts";

/** The brand's policy for unsigned manifests. */
export type UnsignedPolicy = "refuse" | "warn" | "allow";

/** The decision on one manifest. */
export type TrustDecision =
  | { allowed: true; signedBy: string | null; warning?: Localized }
  | { allowed: false; kind: "refused" | "invalid"; reason: Localized };

/**
 * Decides on a manifest. A signature that does not verify is never treated as "unsigned":
 * it means the manifest or its signature was altered, and is refused whatever the policy.
 */
export function decideTrust(
  signature: SignatureCheck | null,
  policy: UnsignedPolicy,
): TrustDecision {
  if (signature?.state === "valid") return { allowed: true, signedBy: signature.keyId };
  if (signature?.state === "invalid") {
    return {
      allowed: false,
      kind: "invalid",
      reason: {
        ja: `署名を確認できません: ${signature.reason}`,
        en: `The signature does not verify: ${signature.reason}`,
      },
    };
  }
  if (policy === "refuse") {
    return {
      allowed: false,
      kind: "refused",
      reason: {
        ja: "署名のないプラグイン マニフェストは、この製品では使えません",
        en: "This build refuses unsigned plugin manifests",
      },
    };
  }
  if (policy === "warn") {
    return {
      allowed: true,
      signedBy: null,
      warning: {
        ja: "署名のないプラグインを実行します。提供元を信頼できる場合のみお使いください",
        en: "Running unsigned plugins: use them only if you trust where they came from",
      },
    };
  }
  return { allowed: true, signedBy: null };
}
