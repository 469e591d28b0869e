/**
 * The audit hook of the data-access layer: every read of report content by staff passes an
 * {@link AuditSink}, which the store calls inside the same transaction as the read, so a
 * read whose audit record cannot be written fails with it. Issue 16 (the support-desk
 * console) implements the sink (an `audit_log` table, CSV export); until then the
 * collector's own API reads nothing by staff and uses {@link NO_STAFF_READ}.
 *
 * @module
 */
import type { Sql } from "./db.ts";
import type { Scope } from "./scope.ts";

/** One audited read. */
export interface AuditEvent {
  /** Who read: a staff account id, or a job name. */
  actor: string;
  /** What they did. */
  action: "open" | "search" | "export" | "compare" | "lookup";
  /** The scope they read under. */
  scope: Scope;
  /** The receipts of the reports whose content was returned. */
  receipts: readonly string[];
  /** Search terms or export parameters, for the record. */
  detail?: Record<string, unknown>;
}

/** Records audited reads; called by the store inside the read's transaction. */
export interface AuditSink {
  record(sql: Sql, event: AuditEvent): Promise<void>;
}

/**
 * For reads that are not staff reads: the collector's own duplicate check during an
 * upload, and tests. Records nothing.
 */
export const NO_STAFF_READ: AuditSink = { record: () => Promise.resolve() };
