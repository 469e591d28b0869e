/**
 * The consent gate: the effectful shell around {@link decide}. It reads the acceptance
 * record and the installed licence, asks the pure decision, and then either lets the run
 * go on, asks the customer (on a terminal), records an explicit acceptance
 * (`--accept-terms`), or refuses with the decision's reasons. Nothing is measured before
 * it returns.
 *
 * @module
 */
import type { Io } from "../cli/io.ts";
import type { Brand } from "../brand/schema.ts";
import { InvalidInputError, RefusedError } from "../util/errors.ts";
import { VERSION } from "../util/version.ts";
import { parseCategories } from "./categories.ts";
import { decide, type Decision, type Grants } from "./decide.ts";
import { brandMismatch, categoryNeeded } from "./decide_text.ts";
import { importVerifyKeys } from "../util/crypto.ts";
import { readInstalledLicence } from "./licence_store.ts";
import type { LicenceEvidence } from "./licence_token.ts";
import { requiredCategories, requirementsOf } from "./policy.ts";
import { promptConsent } from "./prompt.ts";
import { type ConsentRecord, readRecordState, type RecordState, writeRecord } from "./record.ts";
import { currentTerms, type TermsFacts, termsFacts } from "./terms.ts";
import type { Lang, Localized } from "../util/text.ts";
import type { LicenceStatus } from "./licence_status.ts";
import { DATA_CATEGORIES, type DataCategory } from "../util/data_categories.ts";

/** What the gate needs. */
export interface GateInput {
  brand: Brand;
  lang: Lang;
  io: Io;
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

/**
 * Returns the grant, asking or recording as needed.
 *
 * @throws {RefusedError} (exit 3) when the terms are not accepted and cannot be asked, a
 *   required category is refused, the licence is required and not valid, or the OS is refused
 * @throws {InvalidInputError} (exit 4) for a damaged or unreadable record, or one that
 *   cannot be written
 * @throws {UsageError} for a malformed `--consent`
 */
export async function ensureConsent(input: GateInput): Promise<Grant> {
  const { brand, lang, io, dir, now } = input;
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

  let d = decideNow();
  if (d.allowed) return grantFrom(d, state.record);
  refuseUnlessOnlyTerms(d);
  const problem = d.missing.find((m) => m.kind === "terms")!;
  if (problem.kind === "terms" && problem.problem.startsWith("record-")) {
    throw new InvalidInputError(joined(d));
  }
  if (!io.stdinIsTty) {
    const v = state.terms.version;
    const hint = {
      ja: `端末から対話的に実行するか、--accept-terms ${v} --consent all を付けて実行してください`,
      en: `run interactively, or pass --accept-terms ${v} --consent all`,
    };
    const why = joined(d);
    throw new RefusedError({ ja: `${why.ja}\n${hint.ja}`, en: `${why.en}\n${hint.en}` });
  }
  if (state.record.state === "ok") io.err(`\n${d.reasons.find((r) => r.blocking)!.text[lang]}\n`);
  const answer = await promptConsent(io, await currentTerms(brand, lang), brand.optionalCategories);
  if (!answer.accepted) {
    throw new RefusedError({
      ja: "規約に同意いただけなかったため、測定しません",
      en: "The terms were not accepted, so nothing was measured",
    });
  }
  const record = await acceptTerms({
    brand,
    lang,
    dir,
    now,
    version: state.terms.version,
    categories: answer.granted,
    method: "prompt",
  });
  state.record = { state: "ok", record };
  d = decideNow();
  if (!d.allowed) throw new RefusedError(joined(d));
  return grantFrom(d, state.record);
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
