/**
 * The `consent.send` block of a report: each time the customer agreed to send this report,
 * where to, and what became of it (queued, sent with a receipt, refused, cancelled,
 * withdrawn). It records what happens *after* the report was written, so it stays outside
 * the digest (`report/digest.ts`): recording a send never changes the report's identity
 * (`id` + digest), which is what makes sending idempotent and keeps the report verifiable.
 *
 * @module
 */
import { z } from "zod";
import { ticketSchema } from "./upload_schema.ts";

const isoTime = z.iso.datetime({ offset: true });

/** What became of one send. */
export const SEND_STATUSES = ["queued", "sent", "rejected", "cancelled", "withdrawn"] as const;
/** One of {@link SEND_STATUSES}. */
export type SendStatus = typeof SEND_STATUSES[number];

/** How the customer gave the consent to send. */
export const SEND_METHODS = ["prompt", "flag", "browser"] as const;

/** One send of this report. */
export const sendRecordSchema = z.object({
  /** The send's id (16 hex digits), also the name of its entry in the queue. */
  id: z.string().regex(/^[0-9a-f]{16}$/),
  /** The collector URL the customer agreed to send to. */
  destination: z.string().min(1).max(2048).regex(
    /^[^\p{C}]*$/u,
    "must not contain control characters",
  ),
  /** When the customer agreed, having been shown what leaves the device. */
  consentedAt: isoTime,
  /** `prompt`: asked on a terminal; `flag`: `--yes`; `browser`: the send page. */
  method: z.enum(SEND_METHODS),
  /** The support ticket the customer gave, if any. */
  ticket: ticketSchema.optional(),
  status: z.enum(SEND_STATUSES),
  /** The receipt code the collector gave (`util/receipt.ts`). */
  receipt: z.string().regex(/^KW(-[0-9A-Z]{3,4}){2,3}$/, "not a receipt code").optional(),
  /** When the collector acknowledged it. */
  sentAt: isoTime.optional(),
  /** Why the collector refused it, or when it was cancelled or withdrawn. */
  note: z.string().max(500).regex(/^[^\p{C}]*$/u, "must not contain control characters")
    .optional(),
}).strict();
/** One send of a report. */
export type SendRecord = z.infer<typeof sendRecordSchema>;

/** The block under `consent.send`. */
export const sendBlockSchema = z.object({
  sends: z.array(sendRecordSchema).max(100),
}).strict();
