/**
 * The list of reports this kit has written, kept in the per-user config directory so that
 * `kiriwake terms revoke` can tell the customer which reports remain on disk (withdrawing
 * consent does not delete what they may want to keep or have already sent).
 *
 * Local bookkeeping only: it holds paths on the customer's own device and is never put in
 * a report.
 *
 * @module
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { atomicWrite } from "../util/atomic_write.ts";
import { INPUT_LIMITS, InputFileError, readInputText } from "../util/read_input.ts";
import { parseJson } from "../util/json_text.ts";

/** The list's file name inside the config directory. */
export const REPORT_LIST_FILE = "reports.json";

/** The list keeps at most this many of the most recent reports. */
export const MAX_LISTED_REPORTS = 500;

const listSchema = z.object({
  schema: z.literal("kiriwake.reports/v1"),
  reports: z.array(z.object({ path: z.string().min(1), at: z.string() }).strict()),
}).strict();

/** One written report. */
export type ListedReport = z.infer<typeof listSchema>["reports"][number];

/** Path of the list in `dir`. */
export function reportListPath(dir: string): string {
  return join(dir, REPORT_LIST_FILE);
}

/**
 * Reads the list. A missing file is an empty list.
 *
 * @throws {Error} when the file exists but cannot be read or is not a valid list
 */
export async function readReportList(dir: string): Promise<ListedReport[]> {
  let text: string;
  try {
    text = await readInputText(reportListPath(dir), INPUT_LIMITS.record);
  } catch (e) {
    if (e instanceof InputFileError && e.kind === "missing") return [];
    throw new Error(`"${reportListPath(dir)}" ${(e as Error).message}`);
  }
  const r = listSchema.safeParse(parseJson(text));
  if (!r.success) throw new Error(`"${reportListPath(dir)}" is not a list of reports`);
  return r.data.reports;
}

/** Adds `path` (once) to the list, keeping the most recent `max`. */
export async function rememberReport(
  dir: string,
  path: string,
  at: Date,
  max = MAX_LISTED_REPORTS,
): Promise<void> {
  const reports = (await readReportList(dir).catch(() => [])).filter((r) => r.path !== path);
  reports.push({ path, at: at.toISOString() });
  await writeList(dir, reports.slice(-max));
}

/** The listed reports that still exist on disk; the list is pruned to them. */
export async function remainingReports(dir: string): Promise<ListedReport[]> {
  const reports = await readReportList(dir);
  const exists = await Promise.all(
    reports.map((r) => Deno.stat(r.path).then(() => true, () => false)),
  );
  const remaining = reports.filter((_, i) => exists[i]);
  if (remaining.length !== reports.length) await writeList(dir, remaining);
  return remaining;
}

async function writeList(dir: string, reports: ListedReport[]): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const body = { schema: "kiriwake.reports/v1", reports };
  await atomicWrite(reportListPath(dir), JSON.stringify(body, null, 2) + "\n", 0o600);
}
