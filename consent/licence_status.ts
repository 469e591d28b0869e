/**
 * The licence status a run records in its report: whether a licence is required, whether
 * the installed one is valid, and why not.
 *
 * @module
 */
import { z } from "zod";
import { localizedSchema } from "../util/text.ts";

const localized = localizedSchema;
const isoTime = z.iso.datetime({ offset: true });

/** Why a licence is not valid: the `problem` of the report's licence block. */
export const LICENCE_PROBLEMS = [
  "missing",
  "malformed",
  "unknown-key",
  "bad-signature",
  "wrong-product",
  "not-yet-valid",
  "expired",
] as const;

/** The licence block of a report. */
export const licenceStatusSchema = z.object({
  required: z.boolean(),
  status: z.enum(["valid", "not-required", "missing", "invalid"]),
  licensee: z.string().optional(),
  notAfter: isoTime.optional(),
  reason: localized.optional(),
  /** Why an installed licence is not valid (see `consent/decide.ts`). */
  problem: z.enum(LICENCE_PROBLEMS).optional(),
  /** The licence's own id, its services and start, when one was verified. */
  id: z.string().optional(),
  services: z.array(z.string()).optional(),
  notBefore: isoTime.optional(),
  /** Id of the provider key that signed it. */
  keyId: z.string().optional(),
}).strict();

/** The licence status of a run. */
export type LicenceStatus = z.infer<typeof licenceStatusSchema>;
