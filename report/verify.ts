/**
 * Opens a received report and proves it: a regular file within the size cap, valid JSON
 * within the depth limit and with no member named twice, valid against
 * `kiriwake.report/v1`, and a digest matching its canonical body — the body exactly as the
 * bytes say, every member included (a `"__proto__"` member or any other the schema would drop
 * counts), not as the schema read it.
 *
 * @module
 */
import { InvalidInputError } from "../util/errors.ts";
import { formatIssues } from "../util/zod_issues.ts";
import { INPUT_LIMITS, type InputFileError, readInputText } from "../util/read_input.ts";
import { JsonShapeError, parseJson } from "../util/json_text.ts";
import { digestOf } from "./digest.ts";
import { type Report, REPORT_SCHEMA_ID, reportSchema } from "./schema.ts";

/**
 * Reads and verifies the report at `path`. Requires `--allow-read`.
 *
 * @throws {InvalidInputError} naming the file and what is wrong (not a readable regular file
 *   within the size cap, not JSON, nested too deep, schema field, digest mismatch)
 */
export async function readVerifiedReport(path: string): Promise<Report> {
  return (await readVerifiedReportText(path)).report;
}

/** Reads and verifies the report at `path` (see {@link readVerifiedReport}), keeping its text. */
export async function readVerifiedReportText(
  path: string,
): Promise<{ text: string; report: Report }> {
  let text: string;
  try {
    text = await readInputText(path, INPUT_LIMITS.report);
  } catch (e) {
    const err = e as InputFileError;
    throw bad(path, err.message, err.ja ?? err.message);
  }
  return { text, report: await verifyReportText(text, path) };
}

/** Verifies report JSON text; `name` is used in messages. */
export async function verifyReportText(text: string, name: string): Promise<Report> {
  let json: unknown;
  try {
    json = parseJson(text);
  } catch (e) {
    if (e instanceof JsonShapeError) throw bad(name, `is refused: ${e.message}`, e.ja);
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
  // Over the document as parsed, not as the schema read it: nothing may ride along unsealed.
  const actual = await digestOf(json as Report);
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
