/**
 * The retention job: deletes reports received longer ago than their tenant's retention
 * (the collector's `--retention-days`, or a tenant's own setting), in batches of short
 * transactions, then drops month partitions it emptied. Run by every instance's hourly
 * maintenance (harmless when several run it) and by `kiriwake collector retention run`.
 *
 * @module
 */
import type { Database } from "./db.ts";
import { dropEmptyPartitions, monthPartition } from "./partitions.ts";
import { Scope } from "./scope.ts";
import type { ReportStore } from "./store.ts";

/** What one retention run did. */
export interface RetentionResult {
  deleted: number;
  droppedPartitions: string[];
}

/**
 * Runs retention once at `now`.
 *
 * @param defaultDays days a report is kept when its tenant sets nothing (≥ 1)
 * @throws {RangeError} when `defaultDays` is not a positive integer
 */
export async function runRetention(
  db: Database,
  store: ReportStore,
  now: Date,
  defaultDays: number,
  batch = 5_000,
): Promise<RetentionResult> {
  if (!Number.isInteger(defaultDays) || defaultDays < 1) {
    throw new RangeError(`Retention must be a whole number of days ≥ 1: ${defaultDays}`);
  }
  const scope = Scope.allTenants("retention");
  let deleted = 0;
  for (;;) {
    const n = await store.deleteExpired(scope, now, defaultDays, batch);
    deleted += n;
    if (n < batch) break;
  }
  // Never the current month's partition or later ones, even when empty.
  const thisMonth = new Date(monthPartition(now, 0).from);
  const droppedPartitions = await dropEmptyPartitions(db, thisMonth);
  return { deleted, droppedPartitions };
}
