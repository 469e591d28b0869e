/**
 * The consent gate: nothing is measured before the current terms are accepted and the
 * data categories consented. Interactive on a terminal; non-interactive use must name the
 * exact current terms version (`--accept-terms`) — or rely on a stored acceptance of it.
 *
 * @module
 */
import type { Io } from "../cli/io.ts";
import type { Brand } from "../build/brand_schema.ts";
import { RefusedError } from "../errors.ts";
import { DATA_CATEGORIES, type DataCategory } from "../probes/types.ts";
import { VERSION } from "../version.ts";
import { parseCategories } from "./categories.ts";
import { promptConsent } from "./prompt.ts";
import { type ConsentRecord, readRecord, writeRecord } from "./record.ts";
import { currentTerms } from "./terms.ts";

/** What the gate needs. */
export interface GateInput {
  brand: Brand;
  lang: "ja" | "en";
  io: Io;
  /** The per-user config directory of this brand. */
  dir: string;
  now: Date;
  /** `--accept-terms VERSION`. */
  acceptTerms?: string;
  /** `--consent all|list`. */
  consent?: string;
}

/** What the customer agreed to; embedded in the report. */
export interface Grant {
  record: ConsentRecord;
  granted: DataCategory[];
  refused: DataCategory[];
}

/**
 * Returns the grant, asking or recording as needed.
 *
 * @throws {RefusedError} when the terms are not (or no longer) accepted, a required
 *   category was refused, or there is no terminal to ask on
 * @throws {UsageError} for a malformed `--consent`
 */
export async function ensureConsent(input: GateInput): Promise<Grant> {
  const { brand, lang, io, dir } = input;
  const terms = await currentTerms(brand, lang);
  const required = DATA_CATEGORIES.filter((c) => !brand.optionalCategories.includes(c));
  const wanted = input.consent ? parseCategories(input.consent) : null;

  const finish = async (granted: DataCategory[], record?: ConsentRecord): Promise<Grant> => {
    const missing = required.filter((c) => !granted.includes(c));
    if (missing.length > 0) {
      throw new RefusedError({
        ja: `測定には次のデータ区分への同意が必要です: ${missing.join(", ")}`,
        en: `Measuring needs consent to these data categories: ${missing.join(", ")}`,
      });
    }
    const refused = DATA_CATEGORIES.filter((c) => !granted.includes(c));
    const rec = record ?? {
      schema: "kiriwake.consent/v1" as const,
      terms: { version: terms.version, sha256: terms.sha256, lang },
      granted,
      refused,
      acceptedAt: input.now.toISOString(),
      toolVersion: VERSION,
    };
    if (!record) await writeRecord(dir, rec);
    return { record: rec, granted, refused };
  };

  if (input.acceptTerms !== undefined) {
    if (input.acceptTerms !== terms.version) {
      throw new RefusedError({
        ja:
          `--accept-terms ${input.acceptTerms} は現在の規約の版ではありません。現在の版は ${terms.version} です (kiriwake terms show で読めます)`,
        en:
          `--accept-terms ${input.acceptTerms} is not the current terms version; the current version is ${terms.version} (read it with kiriwake terms show)`,
      });
    }
    const stored = await readRecord(dir).catch(() => null);
    const granted = wanted ??
      (stored && stored.terms.version === terms.version ? stored.granted : null);
    if (!granted) {
      throw new RefusedError({
        ja: "記録してよいデータ区分を --consent で指定してください (例: --consent all)",
        en: "Name the data categories that may be recorded with --consent (e.g. --consent all)",
      });
    }
    return await finish(granted);
  }

  const stored = await readRecord(dir);
  // The hash is of the text in the language shown then: the same words must still be current.
  const storedHashOk = stored !== null &&
    (await currentTerms(brand, stored.terms.lang)).sha256 === stored.terms.sha256;
  if (stored && stored.terms.version === terms.version && storedHashOk) {
    // A stored acceptance of the current terms: consent can only be narrowed here.
    const granted = wanted ? wanted.filter((c) => stored.granted.includes(c)) : stored.granted;
    return await finish(granted, granted.length === stored.granted.length ? stored : undefined);
  }

  if (!io.stdinIsTty) {
    const again = stored
      ? (lang === "ja" ? "規約が改定されました。" : "The terms have changed. ")
      : "";
    throw new RefusedError({
      ja:
        `${again}規約 (第 ${terms.version} 版) に同意していません。端末から対話的に実行するか、--accept-terms ${terms.version} --consent all を付けて実行してください`,
      en:
        `${again}The terms (version ${terms.version}) have not been accepted. Run interactively, or pass --accept-terms ${terms.version} --consent all`,
    });
  }
  const answer = await promptConsent(io, terms, brand.optionalCategories);
  if (!answer.accepted) {
    throw new RefusedError({
      ja: "規約に同意いただけなかったため、測定しません",
      en: "The terms were not accepted, so nothing was measured",
    });
  }
  return await finish(wanted ? wanted.filter((c) => answer.granted.includes(c)) : answer.granted);
}
