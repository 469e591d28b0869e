/**
 * The interactive consent prompt in the terminal: shows the terms, asks for acceptance,
 * then asks which optional data categories may be recorded. Tested by feeding stdin.
 *
 * @module
 */
import type { Io } from "../session/command.ts";
import { CATEGORY_TEXT } from "../consent/categories.ts";
import type { Terms } from "../consent/terms.ts";
import { DATA_CATEGORIES, type DataCategory } from "../util/data_categories.ts";

/** What the customer answered. */
export interface PromptAnswer {
  accepted: boolean;
  granted: DataCategory[];
}

const YES = /^(y|yes|はい|ok)$/i;
const NO = /^(n|no|いいえ)$/i;

/**
 * Shows `terms` and asks. Returns `accepted: false` when the customer declines or input ends.
 * Optional categories default to yes, except `identifiers`, which defaults to no (masked).
 */
export async function promptConsent(
  io: Io,
  terms: Terms,
  optional: readonly DataCategory[],
): Promise<PromptAnswer> {
  const ja = terms.lang === "ja";
  io.err(`\n${terms.text}\n\n`);
  io.err(
    ja
      ? `規約 (第 ${terms.version} 版、${terms.effectiveDate} 施行、SHA-256 ${
        terms.sha256.slice(0, 16)
      }…) に同意しますか？ [yes/no]: `
      : `Do you accept these terms (version ${terms.version}, effective ${terms.effectiveDate}, SHA-256 ${
        terms.sha256.slice(0, 16)
      }…)? [yes/no]: `,
  );
  const answer = await askYesNo(io, false);
  if (!answer) return { accepted: false, granted: [] };
  const granted: DataCategory[] = DATA_CATEGORIES.filter((c) => !optional.includes(c));
  io.err(
    ja
      ? "\n記録してよい情報を選んでください (kiriwake run --dry-run で事前に確認できます)。\n"
      : "\nChoose what may be recorded (kiriwake run --dry-run shows it beforehand).\n",
  );
  for (const c of granted) {
    io.err(`  ✓ ${CATEGORY_TEXT[c][terms.lang]} ${ja ? "(必須)" : "(required)"}\n`);
  }
  for (const c of DATA_CATEGORIES.filter((c) => optional.includes(c))) {
    // Identifiers are masked unless the customer says yes: the safe answer is the default.
    const byDefault = c !== "identifiers";
    const choices = byDefault ? "[Y/n]" : "[y/N]";
    const masked = c === "identifiers"
      ? (ja ? " (いいえの場合は伏せ字にします)" : " (if not, they are masked)")
      : "";
    io.err(
      `  ${CATEGORY_TEXT[c][terms.lang]}${masked} ${
        ja ? `を記録してよいですか？ ${choices}: ` : `— may this be recorded? ${choices}: `
      }`,
    );
    if (await askYesNo(io, byDefault)) granted.push(c);
  }
  return { accepted: true, granted: DATA_CATEGORIES.filter((c) => granted.includes(c)) };
}

async function askYesNo(io: Io, fallback: boolean): Promise<boolean> {
  for (let tries = 0; tries < 5; tries++) {
    const line = await io.readLine();
    if (line === null) return false;
    const t = line.trim();
    if (t === "") return fallback;
    if (YES.test(t)) return true;
    if (NO.test(t)) return false;
    io.err("yes / no: ");
  }
  return false;
}
