/**
 * The collector API v1 as data: what the kit uploads (`kiriwake.upload/v1`), what the
 * collector answers, and its error body. Both sides import this one file: the collector
 * validates with it, the kit's send side builds and parses with it. The report inside the
 * upload is validated separately with `reportSchema`, so its errors name report paths.
 *
 * @module
 */
import { z } from "zod";

/** The schema id of an upload body. */
export const UPLOAD_SCHEMA_ID = "kiriwake.upload/v1";

/** The default and largest body the collector accepts, in bytes (8 MiB). */
export const DEFAULT_MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits");

/**
 * A support ticket as a customer types it: 1–64 characters, no control or format
 * characters, not only spaces.
 */
export const ticketSchema = z.string().min(1).max(64)
  .regex(/^[^\p{C}]+$/u, "must not contain control characters")
  .refine((t) => t.trim() !== "", "must not be blank");

/** An upload: the report as saved, an optional ticket and licence, the deletion token's hash. */
export const uploadSchema = z.object({
  schema: z.literal(UPLOAD_SCHEMA_ID),
  /** The report JSON exactly as saved (`kiriwake.report/v1`, redacted, with its digest). */
  report: z.record(z.string(), z.unknown()),
  ticket: ticketSchema.optional(),
  /** The installed licence token file's text (`kiriwake.licence-token/v1`). */
  licence: z.string().min(1).max(16_384).optional(),
  /** SHA-256 of a random deletion token the kit keeps on the device, to withdraw the report. */
  deletion: z.object({ sha256: sha256Hex }).strict(),
}).strict();
/** An upload body. */
export type Upload = z.infer<typeof uploadSchema>;

/** The collector's answer to an accepted upload (201 new, 200 duplicate). */
export const uploadAnswerSchema = z.object({
  receipt: z.string(),
  reportId: z.string(),
  digest: z.string(),
  duplicate: z.boolean(),
  receivedAt: z.iso.datetime({ offset: true }),
}).strict();
/** The collector's answer to an accepted upload. */
export type UploadAnswer = z.infer<typeof uploadAnswerSchema>;

/**
 * Error codes of the API, with their HTTP status. The kit keeps a report queued on
 * `timeout`, `rate-limited`, `unavailable` (and network errors) and gives up on the others.
 */
export const API_ERRORS = {
  "invalid-json": 400,
  "bad-upload": 400,
  "not-found": 404,
  "method-not-allowed": 405,
  "timeout": 408,
  "conflict": 409,
  "too-large": 413,
  "unsupported-media-type": 415,
  "schema": 422,
  "digest": 422,
  "rate-limited": 429,
  "internal": 500,
  "unavailable": 503,
} as const;
/** An API error code. */
export type ApiErrorCode = keyof typeof API_ERRORS;

/** Codes after which the kit keeps the report queued and tries again later. */
export const RETRYABLE_ERRORS: readonly ApiErrorCode[] = [
  "timeout",
  "rate-limited",
  "unavailable",
  "internal",
];

/** The error body of every failed API request. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(API_ERRORS) as [ApiErrorCode, ...ApiErrorCode[]]),
    /** What was wrong, in English (for logs and the support desk). */
    message: z.string(),
    /** The field, e.g. `report.probes[3].status`, when one field was wrong. */
    path: z.string().optional(),
  }).strict(),
}).strict();
/** The error body of a failed API request. */
export type ApiError = z.infer<typeof apiErrorSchema>;
