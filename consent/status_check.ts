/**
 * What the provider's status document means for this kit, decided purely: is the installed
 * licence suspended (its own id in `revokedLicences`), is there a newer version (or is this
 * one below the minimum), are there new terms, which notices to show. The words for each are
 * here too, so the terminal and the browser say the same.
 *
 * @example
 * ```ts
 * import { evaluateStatus } from "./status_check.ts";
 * const s = evaluateStatus({
 *   schema: "kiriwake.status/v1", issuedAt: "2026-12-01T00:00:00Z", expiresAt: "2026-12-08T00:00:00Z",
 *   product: "kiriwake", latestVersion: "0.2.0", terms: { version: "1.1" },
 *   revokedLicences: ["L-1"], notices: [],
 * }, { product: "kiriwake", version: "0.1.0", termsVersion: "1.1", licenceId: "L-1" });
 * s.revoked; // true
 * s.update?.latest; // "0.2.0"
 * ```
 *
 * @module
 */
import type { Localized } from "../util/text.ts";
import type { StatusPayload } from "./status_document.ts";

/** What the kit knows about itself. */
export interface KitFacts {
  /** The brand id. */
  product: string;
  version: string;
  /** The terms version this kit carries. */
  termsVersion: string;
  /** The installed, verified licence's own id, if any. */
  licenceId?: string;
}

/** The meaning of a status document for this kit. */
export interface StatusMeaning {
  /** The installed licence is suspended: the kit must not measure. */
  revoked: boolean;
  /** A newer version exists; `required` when this one is below the minimum. */
  update: { latest: string; required: boolean } | null;
  /** The provider's terms are another version than this kit's. */
  newTerms: string | null;
  notices: StatusPayload["notices"];
}

/** Evaluates `payload` for this kit. */
export function evaluateStatus(payload: StatusPayload, kit: KitFacts): StatusMeaning {
  const newer = compareVersions(payload.latestVersion, kit.version) > 0;
  const below = payload.minimumVersion !== undefined &&
    compareVersions(kit.version, payload.minimumVersion) < 0;
  return {
    revoked: kit.licenceId !== undefined && payload.revokedLicences.includes(kit.licenceId),
    update: newer || below ? { latest: payload.latestVersion, required: below } : null,
    newTerms: payload.terms.version !== kit.termsVersion ? payload.terms.version : null,
    notices: payload.notices,
  };
}

/**
 * Compares two `MAJOR.MINOR.PATCH[-pre]` versions: negative, zero or positive. A
 * pre-release sorts before its release.
 */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.split(/[-+]/, 2);
    return { nums: core.split(".").map((n) => Number(n) || 0), pre: v.includes("-") ? pre : null };
  };
  const x = parse(a), y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** Why the kit refuses to measure with a suspended licence (exit 3). */
export function revokedText(licenceId: string): Localized {
  return {
    ja:
      `このライセンス (ID ${licenceId}) は提供者によって停止されています。測定はできません。サポート窓口にお問い合わせください`,
    en:
      `The provider has suspended this licence (id ${licenceId}); nothing can be measured. Please contact the support desk`,
  };
}

/** The announcements of a meaning (new version, new terms, notices), one line each. */
export function announcements(m: StatusMeaning, kit: KitFacts): Localized[] {
  const out: Localized[] = [];
  if (m.update?.required) {
    out.push({
      ja:
        `このバージョン (${kit.version}) はサポートが終了しています。提供者から最新版 ${m.update.latest} を入手してください`,
      en:
        `This version (${kit.version}) is no longer supported: get version ${m.update.latest} from your provider`,
    });
  } else if (m.update) {
    out.push({
      ja: `新しいバージョン ${m.update.latest} が提供されています (お使いの版: ${kit.version})`,
      en: `A newer version, ${m.update.latest}, is available (this is ${kit.version})`,
    });
  }
  if (m.newTerms) {
    out.push({
      ja:
        `提供者の利用規約が第 ${m.newTerms} 版になっています (このキットは第 ${kit.termsVersion} 版)。最新版のキットを入手してください`,
      en:
        `The provider's terms are now version ${m.newTerms} (this kit carries ${kit.termsVersion}); please get the latest kit`,
    });
  }
  for (const n of m.notices) {
    const mark = n.severity === "warn" ? "⚠ " : "";
    // Signed by the provider, but shown on a terminal: no control characters.
    const safe = (t: string) => t.replace(/\p{Cc}/gu, " ");
    out.push({ ja: `${mark}${safe(n.text.ja)}`, en: `${mark}${safe(n.text.en)}` });
  }
  return out;
}
