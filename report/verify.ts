/**
 * Opens a received report and proves it: valid JSON, valid against `kiriwake.report/v1`,
 * digest matching its canonical body.
 *
 * @module
 */
import { InvalidInputError } from "../util/errors.ts";
import { formatIssues } from "../util/zod_issues.ts";
import { digestOf } from "./digest.ts";
import { type Report, REPORT_SCHEMA_ID, reportSchema } from "./schema.ts";

/**
 * Reads and verifies the report at `path`.
 *
 * @throws {InvalidInputError} naming the file and what is wrong (unreadable, not JSON,
 *   schema field, digest mismatch)
 */
export async function readVerifiedReport(path: string): Promise<Report> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    throw bad(
      path,
      `cannot be read (${(e as Error).message})`,
      `読めません (${(e as Error).message})`,
    );
  }
  return await verifyReportText(text, path);
}

/** Verifies report JSON text; `name` is used in messages. */
export async function verifyReportText(text: string, name: string): Promise<Report> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw bad(
      name,
      `is not JSON (${(e as Error).message})`,
      `JSON ではありません (${(e as Error).message})`,
    );
  }
  const schema = (json as { schema?: unknown })?.schema;
  if (schema !== REPORT_SCHEMA_ID) {
    throw bad(
      name,
      `schema: expected "${REPORT_SCHEMA_ID}", found ${JSON.stringify(schema)}`,
      `schema が "${REPORT_SCHEMA_ID}" ではありません (${JSON.stringify(schema)})`,
    );
  }
  const r = reportSchema.safeParse(json);
  if (!r.success) {
    const why = formatIssues(r.error.issues);
    throw bad(
      name,
      `does not match the report schema: ${why}`,
      `レポートの形式に合いません: ${why}`,
    );
  }
  const actual = await digestOf(r.data);
  if (actual !== r.data.digest.value) {
    throw bad(
      name,
      `digest: the content does not match its SHA-256 (expected ${r.data.digest.value}, computed ${actual}); it was changed after it was written`,
      `digest: 内容が SHA-256 と一致しません。作成後に書き換えられています`,
    );
  }
  return r.data;
}

function bad(name: string, en: string, ja: string): InvalidInputError {
  return new InvalidInputError({ ja: `レポート "${name}" ${ja}`, en: `Report "${name}" ${en}` });
}
