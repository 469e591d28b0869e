/**
 * What a consent decision weighs: what the brand and this run require, what the customer
 * has granted, and the names of the problems. The vocabulary of `decide.ts` and of the words
 * it says (`decide_text.ts`).
 *
 * @module
 */
import type { LicenceStatus } from "./licence_status.ts";
import type { DataCategory } from "../util/data_categories.ts";
import type { Lang, Localized } from "../util/text.ts";

/** What the brand and this run require. */
export interface Requirements {
  /** The product name, for messages. */
  product: string;
  terms: {
    version: string;
    /** SHA-256 the brand declares for each language's text of this version. */
    declared: Localized;
    /** SHA-256 of each text as built into this binary. */
    actual: Localized;
  };
  /** Categories the brand requires (the ones not optional). */
  required: readonly DataCategory[];
  /** Categories this run asks for (`--consent`), or null for all that were granted. */
  requested: readonly DataCategory[] | null;
  licence: {
    required: boolean;
    /** The brand id a licence must name as its product. */
    product: string;
    /** How far the clock may be off either side of a licence's window. */
    clockSkewMs: number;
  };
  os: { current: string; supported: readonly string[]; elsewhere: "warn" | "refuse" };
}

/** What the customer has granted: the state of the acceptance record. */
export type Grants =
  | { state: "none" }
  | { state: "damaged"; path: string; detail: string }
  | { state: "unreadable"; path: string; detail: string }
  | {
    state: "accepted";
    terms: { version: string; sha256: string; lang: Lang };
    categories: readonly DataCategory[];
  };

/** Why the terms are not (or no longer) accepted. */
export type TermsProblem =
  | "not-accepted"
  | "old-version"
  | "changed-text"
  | "record-damaged"
  | "record-unreadable"
  | "brand-mismatch";

/** Why a licence is not valid. */
export type LicenceProblem = NonNullable<LicenceStatus["problem"]>;
