/**
 * The consent and licence decision, as one pure function: given what the brand and this
 * run require, what the customer has granted, what is known of the installed licence and
 * the time, may the kit measure — and if not, what is missing and why, in words.
 *
 * Everything with side effects (reading the record, verifying signatures, prompting)
 * happens around it in `gate.ts`; this file only decides, so it can be tested over every
 * combination of its inputs.
 *
 * @module
 */
import type { LicenceEvidence } from "./licence_token.ts";
import * as text from "./decide_text.ts";
import type { Localized } from "../util/text.ts";
import type { Grants, LicenceProblem, Requirements, TermsProblem } from "./requirements.ts";
import { DATA_CATEGORIES, type DataCategory } from "../util/data_categories.ts";
import type { LicenceStatus } from "./licence_status.ts";

/** One thing that stands in the way. */
export type Missing =
  | { kind: "terms"; problem: TermsProblem }
  | { kind: "category"; category: DataCategory }
  | { kind: "licence"; problem: LicenceProblem }
  | { kind: "os"; os: string };

/** A reason shown to the customer; `blocking: false` is a warning. */
export interface Reason {
  code: string;
  blocking: boolean;
  text: Localized;
}

/** The decision. */
export interface Decision {
  allowed: boolean;
  /** Everything that blocks, machine-readable (empty when allowed). */
  missing: Missing[];
  /** One reason per missing item, then the warnings. */
  reasons: Reason[];
  /** Categories this run may record, and the rest. */
  granted: DataCategory[];
  refused: DataCategory[];
  /** The licence block of the report. */
  licence: LicenceStatus;
}

/**
 * Decides. Pure: the same inputs always give the same decision.
 *
 * @example
 * ```ts
 * import { decide } from "./decide.ts";
 * const req = {
 *   product: "kiriwake",
 *   terms: { version: "1.0", declared: { ja: "a", en: "b" }, actual: { ja: "a", en: "b" } },
 *   required: ["measurements"] as const,
 *   requested: null,
 *   licence: { required: false, product: "kiriwake", clockSkewMs: 300_000 },
 *   os: { current: "linux", supported: ["linux"], elsewhere: "warn" as const },
 * };
 * const d = decide(req, { state: "none" }, { state: "none" }, new Date());
 * d.allowed; // false
 * d.missing; // [{ kind: "terms", problem: "not-accepted" }]
 * ```
 */
export function decide(
  req: Requirements,
  grants: Grants,
  licence: LicenceEvidence,
  now: Date,
): Decision {
  const missing: Missing[] = [];
  const reasons: Reason[] = [];
  const block = (m: Missing, t: Localized) => {
    missing.push(m);
    reasons.push({ code: code(m), blocking: true, text: t });
  };
  const warn = (c: string, t: Localized) => reasons.push({ code: c, blocking: false, text: t });

  const os = judgeOs(req);
  if (os && req.os.elsewhere === "refuse") block({ kind: "os", os: req.os.current }, os);

  const lic = judgeLicence(req, licence, now);
  if (lic.problem && req.licence.required) {
    block({ kind: "licence", problem: lic.problem }, lic.block.reason!);
  }

  for (const lang of ["ja", "en"] as const) {
    if (req.terms.declared[lang] !== req.terms.actual[lang]) {
      block({ kind: "terms", problem: "brand-mismatch" }, text.brandMismatch(req, lang));
    }
  }
  const termsProblem = judgeTerms(req, grants);
  if (termsProblem) {
    block({ kind: "terms", problem: termsProblem }, text.terms(req, grants, termsProblem));
  }

  const cats = judgeCategories(req, grants, termsProblem === null);
  for (const c of cats.missing) block({ kind: "category", category: c }, text.categoryNeeded(c));
  for (const c of cats.notConsented) warn(`category-not-consented:${c}`, text.notConsented(req, c));

  if (os && req.os.elsewhere === "warn") warn("os-unsupported", os);
  if (lic.problem && !req.licence.required) warn(`licence-${lic.problem}`, lic.block.reason!);

  return {
    allowed: missing.length === 0,
    missing,
    reasons,
    granted: cats.granted,
    refused: DATA_CATEGORIES.filter((c) => !cats.granted.includes(c)),
    licence: lic.block,
  };
}

/** Why the record does not (or no longer) hold an acceptance of the current terms; null if it does. */
export function judgeTerms(req: Requirements, grants: Grants): TermsProblem | null {
  switch (grants.state) {
    case "none":
      return "not-accepted";
    case "damaged":
      return "record-damaged";
    case "unreadable":
      return "record-unreadable";
    case "accepted":
      if (grants.terms.version !== req.terms.version) return "old-version";
      // Same version, other words: the acceptance was of a text that is no longer shown.
      if (grants.terms.sha256 !== req.terms.actual[grants.terms.lang]) return "changed-text";
      return null;
  }
}

/**
 * The categories this run may record: those granted with the current terms, narrowed by
 * the run's request. Required ones that are not granted are missing; requested ones the
 * customer never granted are noted (they are simply not recorded).
 */
export function judgeCategories(req: Requirements, grants: Grants, termsOk: boolean): {
  granted: DataCategory[];
  missing: DataCategory[];
  notConsented: DataCategory[];
} {
  if (!termsOk || grants.state !== "accepted") {
    return { granted: [], missing: [], notConsented: [] };
  }
  const base = grants.categories;
  const wanted = req.requested ?? base;
  const granted = DATA_CATEGORIES.filter((c) => base.includes(c) && wanted.includes(c));
  return {
    granted,
    missing: req.required.filter((c) => !granted.includes(c)),
    notConsented: DATA_CATEGORIES.filter((c) =>
      wanted.includes(c) && !base.includes(c) && !req.required.includes(c)
    ),
  };
}

/** The OS warning or refusal text, or null on a supported OS. */
export function judgeOs(req: Requirements): Localized | null {
  return req.os.supported.includes(req.os.current) ? null : text.os(req);
}

/** The licence's problem (null when valid, or when none is installed and none is required) and its report block. */
export function judgeLicence(
  req: Requirements,
  evidence: LicenceEvidence,
  now: Date,
): { problem: LicenceProblem | null; block: LicenceStatus } {
  const required = req.licence.required;
  if (evidence.state === "none") {
    if (!required) return { problem: null, block: { required, status: "not-required" } };
    return {
      problem: "missing",
      block: { required, status: "missing", problem: "missing", reason: text.licenceMissing(req) },
    };
  }
  if (evidence.state === "rejected") {
    const reason = text.licence(req, evidence.problem, evidence.detail, null);
    return {
      problem: evidence.problem,
      block: { required, status: "invalid", problem: evidence.problem, reason },
    };
  }
  const c = evidence.claims;
  const facts = {
    licensee: c.licensee.id,
    id: c.id,
    services: c.services,
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    keyId: evidence.keyId,
  };
  const t = now.getTime();
  const skew = req.licence.clockSkewMs;
  const problem: LicenceProblem | null = c.product !== req.licence.product
    ? "wrong-product"
    : t < Date.parse(c.notBefore) - skew
    ? "not-yet-valid"
    : t > Date.parse(c.notAfter) + skew
    ? "expired"
    : null;
  if (!problem) return { problem, block: { required, status: "valid", ...facts } };
  const reason = text.licence(req, problem, "", c);
  return { problem, block: { required, status: "invalid", problem, reason, ...facts } };
}

function code(m: Missing): string {
  switch (m.kind) {
    case "terms":
      return `terms-${m.problem}`;
    case "category":
      return `category-missing:${m.category}`;
    case "licence":
      return `licence-${m.problem}`;
    case "os":
      return "os-refused";
  }
}
