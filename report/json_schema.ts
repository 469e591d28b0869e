/**
 * The JSON Schema export of the report contract, for tools outside Deno (support desks'
 * ticket systems, other languages).
 *
 * @module
 */
import { z } from "zod";
import { reportSchema } from "./schema.ts";

/** The report schema as JSON Schema (draft 2020-12), pretty-printed. */
export function reportJsonSchema(): string {
  const schema = z.toJSONSchema(reportSchema, { target: "draft-2020-12", io: "output" });
  return JSON.stringify(
    { $id: "https://kiriwake.invalid/report.schema.json", title: "kiriwake.report/v1", ...schema },
    null,
    2,
  ) + "\n";
}
