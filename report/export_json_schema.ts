/**
 * `deno task schema`: writes `report/report.schema.json` from the zod schema.
 *
 * @module
 */
import { reportJsonSchema } from "./json_schema.ts";

await Deno.writeTextFile(new URL("./report.schema.json", import.meta.url), reportJsonSchema());
console.error("wrote report/report.schema.json");
