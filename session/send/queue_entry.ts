/**
 * One send as the kit keeps it on disk: the exact upload (the report as it leaves the
 * device), the consent it was given with, the deletion token, and how delivery went. The
 * queue holds it until the collector acknowledges it; the history keeps it afterwards (for
 * the receipt and the withdrawal), without the upload.
 *
 * @module
 */
import { z } from "zod";
import { sendRecordSchema } from "../../report/send_schema.ts";

/** The schema id of a queue entry. */
export const SEND_ENTRY_SCHEMA = "kiriwake.send-entry/v1";

const isoTime = z.iso.datetime({ offset: true });

/** A queue entry. */
export const sendEntrySchema = z.object({
  schema: z.literal(SEND_ENTRY_SCHEMA),
  /** The send's id (16 hex digits); the entry's file name. */
  id: z.string().regex(/^[0-9a-f]{16}$/),
  reportId: z.string().min(1),
  /** The report's digest: with the id, what makes the upload idempotent. */
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  /** Where the customer's copy of the report is, to record what became of the send. */
  reportPath: z.string().nullable(),
  /** Collector base URLs, tried in order (the first is the one the customer was shown). */
  urls: z.array(z.string()).min(1).max(4),
  /** True when the URLs are the brand's, so its certificate pin applies. */
  brandPin: z.boolean(),
  /** The consent and its outcome, as recorded in the report. */
  record: sendRecordSchema,
  /** The secret that withdraws the report; its SHA-256 went with the upload. Never sent. */
  deletionToken: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** The exact body to POST (JSON text), while the entry waits; dropped once finished. */
  upload: z.string().optional(),
  attempts: z.number().int().nonnegative(),
  lastAttemptAt: isoTime.optional(),
  /** When the next automatic attempt is due. */
  nextAttemptAt: isoTime,
  /** Why the last attempt did not deliver (English). */
  lastProblem: z.string().max(500).optional(),
}).strict();
/** A queue entry. */
export type SendEntry = z.infer<typeof sendEntrySchema>;

/** A new random deletion token: 32 bytes, base64url without padding (43 characters). */
export function newDeletionToken(): string {
  const b = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...b)).replace(/\+/g, "-").replace(/\//g, "_").replace(
    /=+$/,
    "",
  );
}

/** A new send id: 16 hex digits. */
export function newSendId(): string {
  return Array.from(
    crypto.getRandomValues(new Uint8Array(8)),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");
}
