/**
 * Consent on a terminal: the gate decides (`consent/gate.ts`); when it says the customer
 * must be asked, this shows the terms and asks, or refuses where nobody can answer.
 *
 * @module
 */
import { type GateInput, type Grant, grantAfterAsking, openGate } from "../consent/gate.ts";
import { InvalidInputError, RefusedError } from "../util/errors.ts";
import type { Io } from "../session/command.ts";
import { promptConsent } from "./consent_prompt.ts";

/**
 * Returns the grant, asking on the terminal or recording `--accept-terms` as needed.
 *
 * @throws {RefusedError} (exit 3) when the terms are not accepted and cannot be asked, a
 *   required category is refused, the licence is required and not valid, or the OS is refused
 * @throws {InvalidInputError} (exit 4) for a damaged or unreadable record, or one that
 *   cannot be written
 * @throws {UsageError} for a malformed `--consent`
 */
export async function ensureConsent(input: GateInput & { io: Io }): Promise<Grant> {
  const { io, lang, brand } = input;
  const outcome = await openGate(input);
  if (outcome.state === "granted") return outcome.grant;
  if (outcome.damaged) throw new InvalidInputError(outcome.refusal);
  if (!io.stdinIsTty) throw new RefusedError(outcome.refusal);
  if (outcome.notice) io.err(`\n${outcome.notice[lang]}\n`);
  const answer = await promptConsent(io, outcome.terms, brand.optionalCategories);
  if (!answer.accepted) {
    throw new RefusedError({
      ja: "規約に同意いただけなかったため、測定しません",
      en: "The terms were not accepted, so nothing was measured",
    });
  }
  return await grantAfterAsking(input, answer.granted, "prompt");
}
