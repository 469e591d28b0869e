/**
 * Keeps the customer's copy of a report in step with its sends: the send's record goes into
 * the report's `consent.send` (and into `report.txt`/`report.html` beside it), so the receipt
 * is there wherever the customer looks. Best effort: the queue is the source of truth, so a
 * report that was moved, changed or cannot be written only costs a warning.
 *
 * @module
 */
import type { Report } from "../../report/schema.ts";
import { withSend } from "../../report/send_record.ts";
import type { SendRecord } from "../../report/send_schema.ts";
import { rewriteReport } from "../../report/store.ts";
import { verifyReportText } from "../../report/verify.ts";
import type { Localized } from "../../util/text.ts";

/**
 * Records `record` in the report at `path` when it is still the same report (`id` and
 * digest). Returns the updated report, or a warning saying why the file was left alone.
 * Requires `--allow-read` and `--allow-write` on the report's directory.
 */
export async function mirrorSend(
  path: string | null,
  expect: { reportId: string; digest: string },
  record: SendRecord,
): Promise<{ report: Report } | { warning: Localized }> {
  if (!path) return { warning: noCopy("", "no copy of the report is known") };
  let report: Report;
  try {
    report = await verifyReportText(await Deno.readTextFile(path), path);
  } catch (e) {
    return { warning: noCopy(path, (e as Error).message) };
  }
  if (report.id !== expect.reportId || report.digest.value !== expect.digest) {
    return { warning: noCopy(path, "the file now holds another report") };
  }
  const updated = withSend(report, record);
  try {
    await rewriteReport(path, updated);
  } catch (e) {
    return { warning: noCopy(path, (e as Error).message) };
  }
  return { report: updated };
}

function noCopy(path: string, why: string): Localized {
  return {
    ja:
      `レポート "${path}" には送信の記録を書き込めませんでした (${why})。送信そのものには影響ありません`,
    en: `Could not record the send in report "${path}" (${why}); the send itself is not affected`,
  };
}
