/**
 * Reading and recording sends in a report's `consent.send` block. Pure: a report in, a new
 * report out, its digest untouched (the block is outside it, see `report/digest.ts`).
 *
 * @example
 * ```ts ignore
 * const queued = withSend(report, { id, destination, consentedAt, method: "prompt", status: "queued" });
 * sendsOf(queued); // [{ id, …, status: "queued" }]
 * ```
 *
 * @module
 */
import type { Report } from "./schema.ts";
import type { SendRecord } from "./send_schema.ts";

/** The sends recorded in `report`, oldest first. */
export function sendsOf(report: Report): SendRecord[] {
  return report.consent.send?.sends ?? [];
}

/** The receipts the collectors gave for `report`, oldest first. */
export function receiptsOf(report: Report): string[] {
  return sendsOf(report).filter((s) => s.status === "sent" && s.receipt).map((s) => s.receipt!);
}

/**
 * `report` with `record` added, or replacing the record with the same id. The oldest records
 * give way beyond 100 (the schema's bound).
 */
export function withSend(report: Report, record: SendRecord): Report {
  const others = sendsOf(report).filter((s) => s.id !== record.id);
  const at = sendsOf(report).findIndex((s) => s.id === record.id);
  const sends = at < 0
    ? [...others, record]
    : [...others.slice(0, at), record, ...others.slice(at)];
  return {
    ...report,
    consent: { ...report.consent, send: { sends: sends.slice(-100) } },
  };
}

/** `report` as it is uploaded for send `id`: only that send in its `consent.send`. */
export function forUpload(report: Report, record: SendRecord): Report {
  return { ...report, consent: { ...report.consent, send: { sends: [record] } } };
}
