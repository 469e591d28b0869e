/**
 * The consent gate: the effectful shell around {@link decide}. It reads the acceptance
 * record and the installed licence, asks the pure decision, and then either lets the run
 * go on, records an explicit acceptance (`--accept-terms`), says that the customer must be
 * asked (the terms are not accepted), or refuses with the decision's reasons. Asking is the
 * face's job (`cli/consent_gate.ts` on a terminal, the terms page in the browser); nothing
 * is measured before a grant exists.
 *
 * @module
 */
import type { Brand } from "../brand/schema.ts";
import { InvalidInputError, RefusedError } from "../util/errors.ts";
import { VERSION } from "../util/version.ts";
import { parseCategories } from "./categories.ts";
import { decide, type Decision } from "./decide.ts";
import { brandMismatch, categoryNeeded } from "./decide_text.ts";
import { importVerifyKeys } from "../util/crypto.ts";
import { readInstalledLicence } from "./licence_store.ts";
import type { LicenceEvidence } from "./licence_token.ts";
import { requiredCategories, requirementsOf } from "./policy.ts";
import { type ConsentRecord, readRecordState, type RecordState, writeRecord } from "./record.ts";
import { currentTerms, type Terms, type TermsFacts, termsFacts } from "./terms.ts";
import type { Lang, Localized } from "../util/text.ts";
import type { LicenceStatus } from "./licence_status.ts";
import { DATA_CATEGORIES, type DataCategory } from "../util/data_categories.ts";
import type { Grants } from "./requirements.ts";

/** What the gate needs. */
export interface GateInput {
  brand: Brand;
  lang: Lang;
  /** The per-user config directory of this brand. */
  dir: string;
  now: Date;
  /** `--accept-terms VERSION`. */
  acceptTerms?: string;
  /** `--consent all|list`. */
  consent?: string;
  /** The OS to check the brand's policy against; default `Deno.build.os`. */
  os?: string;
}

/** What the customer agreed to and the licence state; embedded in the report. */
export interface Grant {
  record: ConsentRecord;
  granted: DataCategory[];
  refused: DataCategory[];
  licence: LicenceStatus;
  /** Warnings to show before measuring (unsupported OS, a category not consented, …). */
  warnings: Localized[];
}

/** Everything on disk and in the build that the decision reads. */
export interface ConsentState {
  terms: TermsFacts;
  record: RecordState;
  licence: LicenceEvidence;
}

/** Reads the terms' hashes, the acceptance record and the installed licence. No writes. */
export async function loadConsentState(brand: Brand, dir: string): Promise<ConsentState> {
  const keys = await importVerifyKeys(brand.licence.publicKeys, "licence.publicKeys");
  const [terms, record, licence] = await Promise.all([
    termsFacts(brand),
    readRecordState(dir),
    readInstalledLicence(dir, keys),
  ]);
  return { terms, record, licence };
}

/** The record's state as the decision's grants. */
export function grantsOf(record: RecordState): Grants {
  if (record.state !== "ok") return record;
  const r = record.record;
  return {
    state: "accepted",
    terms: { version: r.terms.version, sha256: r.terms.sha256, lang: r.terms.lang },
    categories: r.granted,
  };
}

/** What an explicit acceptance records. */
export interface AcceptInput {
  brand: Brand;
  /** The language the terms were shown in. */
  lang: Lang;
  dir: string;
  now: Date;
  /** The version the customer names; must be the current one. */
  version: string;
  categories: readonly DataCategory[];
  method: ConsentRecord["method"];
}

/**
 * Records an acceptance of the current terms. Requires `--allow-write` to the config dir.
 *
 * @throws {RefusedError} for another version, terms that do not match the brand's hashes,
 *   or a required category left out
 * @throws {InvalidInputError} when the record cannot be written
 */
export async function acceptTerms(input: AcceptInput): Promise<ConsentRecord> {
  const { brand, lang } = input;
  const facts = await termsFacts(brand);
  if (input.version !== facts.version) {
    throw new RefusedError({
      ja:
        `${input.version} は現在の規約の版ではありません。現在の版は ${facts.version} です (kiriwake terms show で読めます)`,
      en:
        `${input.version} is not the current terms version; the current version is ${facts.version} (read it with kiriwake terms show)`,
    });
  }
  for (const l of ["ja", "en"] as const) {
    if (facts.declared[l] !== facts.actual[l]) {
      throw new RefusedError(brandMismatch(requirementsOf(brand, facts, "", null), l));
    }
  }
  const missing = requiredCategories(brand).filter((c) => !input.categories.includes(c));
  if (missing.length > 0) throw new RefusedError(categoryNeeded(missing[0]));
  const terms = await currentTerms(brand, lang);
  const granted = DATA_CATEGORIES.filter((c) => input.categories.includes(c));
  try {
    return await writeRecord(input.dir, {
      schema: "kiriwake.consent/v1",
      terms: {
        version: terms.version,
        effectiveDate: terms.effectiveDate,
        sha256: terms.sha256,
        lang,
      },
      granted,
      refused: DATA_CATEGORIES.filter((c) => !granted.includes(c)),
      acceptedAt: input.now.toISOString(),
      method: input.method,
      toolVersion: VERSION,
    });
  } catch (e) {
    throw new InvalidInputError({
      ja: `同意記録を "${input.dir}" に保存できません: ${(e as Error).message}`,
      en: `Cannot write the consent record to "${input.dir}": ${(e as Error).message}`,
    });
  }
}

/** What the gate says: go on with this grant, or ask the customer to accept the terms. */
export type GateOutcome =
  | { state: "granted"; grant: Grant }
  | {
    state: "ask";
    /** The current terms, in the language asked for. */
    terms: Terms;
    /** Why the customer is asked again (new version, changed text), when a record existed. */
    notice: Localized | null;
    /** The record on disk is damaged or unreadable (not merely absent or out of date). */
    damaged: boolean;
    /** What to say where nobody can be asked (no terminal, a script). */
    refusal: Localized;
  };

/**
 * Decides whether a run may start: records an explicit `--accept-terms` first, then
 * returns the grant, or says that the terms must be shown and accepted.
 *
 * @throws {RefusedError} (exit 3) when something other than the terms' acceptance blocks
 *   (licence, OS, a brand whose terms do not match their hashes), or `--accept-terms` names
 *   another version or leaves out a required category
 * @throws {InvalidInputError} (exit 4) when the record cannot be written
 * @throws {UsageError} for a malformed `--consent`
 */
export async function openGate(input: GateInput): Promise<GateOutcome> {
  const { brand, lang, dir, now } = input;
  const state = await loadConsentState(brand, dir);
  const requested = input.consent ? parseCategories(input.consent) : null;
  const req = requirementsOf(brand, state.terms, input.os ?? Deno.build.os, requested);
  const decideNow = () => decide(req, grantsOf(state.record), state.licence, now);

  if (input.acceptTerms !== undefined) {
    // Refuse for the licence or the OS before anything is recorded.
    refuseUnlessOnlyTerms(decide(req, { state: "none" }, state.licence, now));
    const current = decideNow();
    const categories = requested ??
      (state.record.state === "ok" && current.missing.every((m) => m.kind !== "terms")
        ? state.record.record.granted
        : null);
    if (!categories) {
      throw new RefusedError({
        ja: "記録してよいデータ区分を --consent で指定してください (例: --consent all)",
        en: "Name the data categories that may be recorded with --consent (e.g. --consent all)",
      });
    }
    const record = await acceptTerms({
      brand,
      lang,
      dir,
      now,
      version: input.acceptTerms,
      categories,
      method: "command",
    });
    state.record = { state: "ok", record };
  }

  const d = decideNow();
  if (d.allowed) return { state: "granted", grant: grantFrom(d, state.record) };
  refuseUnlessOnlyTerms(d);
  const problem = d.missing.find((m) => m.kind === "terms")!;
  const v = state.terms.version;
  const why = joined(d);
  const hint = {
    ja: `端末から対話的に実行するか、--accept-terms ${v} --consent all を付けて実行してください`,
    en: `run interactively, or pass --accept-terms ${v} --consent all`,
  };
  return {
    state: "ask",
    terms: await currentTerms(brand, lang),
    notice: state.record.state === "ok" ? d.reasons.find((r) => r.blocking)!.text : null,
    damaged: problem.kind === "terms" && problem.problem.startsWith("record-"),
    refusal: { ja: `${why.ja}\n${hint.ja}`, en: `${why.en}\n${hint.en}` },
  };
}

/**
 * Records the customer's acceptance of the current terms, given when they were asked, and
 * returns the grant.
 *
 * @throws {RefusedError} when the decision still refuses (e.g. a required category left out)
 * @throws {InvalidInputError} when the record cannot be written
 */
export async function grantAfterAsking(
  input: GateInput,
  categories: readonly DataCategory[],
  method: ConsentRecord["method"],
): Promise<Grant> {
  const { brand, lang, dir, now } = input;
  const state = await loadConsentState(brand, dir);
  const record = await acceptTerms({
    brand,
    lang,
    dir,
    now,
    version: state.terms.version,
    categories,
    method,
  });
  const requested = input.consent ? parseCategories(input.consent) : null;
  const req = requirementsOf(brand, state.terms, input.os ?? Deno.build.os, requested);
  const d = decide(req, grantsOf({ state: "ok", record }), state.licence, now);
  if (!d.allowed) throw new RefusedError(joined(d));
  return grantFrom(d, { state: "ok", record });
}

function grantFrom(d: Decision, record: RecordState): Grant {
  if (record.state !== "ok") throw new Error("A grant needs an accepted record");
  return {
    record: record.record,
    granted: d.granted,
    refused: d.refused,
    licence: d.licence,
    warnings: d.reasons.filter((r) => !r.blocking).map((r) => r.text),
  };
}

/** Throws when anything but the terms' acceptance itself blocks: asking would not help. */
function refuseUnlessOnlyTerms(d: Decision): void {
  const other = d.missing.some((m) =>
    m.kind !== "terms" || (m.kind === "terms" && m.problem === "brand-mismatch")
  );
  if (other) throw new RefusedError(joined(d));
}

function joined(d: Decision): Localized {
  const blocking = d.reasons.filter((r) => r.blocking);
  return {
    ja: blocking.map((r) => r.text.ja).join("\n"),
    en: blocking.map((r) => r.text.en).join("\n"),
  };
}
