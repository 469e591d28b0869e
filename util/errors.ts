/**
 * The few domain errors the CLI branches on. `main.ts` alone maps them to exit codes.
 *
 * - {@link UsageError}: wrong arguments (exit 2)
 * - {@link RefusedError}: terms, consent, licence or OS policy refused (exit 3)
 * - {@link InvalidInputError}: a file given to the kit is invalid (exit 4)
 *
 * Anything else that escapes is an internal error (exit 5).
 *
 * @module
 */
import type { Localized } from "./text.ts";

/** Base of errors whose message exists in Japanese and English. */
export class KiriwakeError extends Error {
  /** The message in both languages. */
  readonly text: Localized;
  /** @param text the message in both languages; `message` is the English one */
  constructor(text: Localized, options?: ErrorOptions) {
    super(text.en, options);
    this.text = text;
    this.name = new.target.name;
  }
}

/** The command line was wrong: unknown command, bad flag value, missing argument. */
export class UsageError extends KiriwakeError {}

/** The kit refuses to go on: terms not accepted, consent missing, licence invalid, OS not supported. */
export class RefusedError extends KiriwakeError {}

/** A file given to the kit (config, report, licence, manifest) failed to parse or validate. */
export class InvalidInputError extends KiriwakeError {}

/** The exit codes of the CLI, documented in the README. */
export const EXIT = {
  ok: 0,
  faultFound: 1,
  usage: 2,
  refused: 3,
  invalidInput: 4,
  internal: 5,
} as const;
