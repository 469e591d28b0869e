import assert from "node:assert/strict";
import { reportJsonSchema } from "./json_schema.ts";

Deno.test("report/report.schema.json is up to date with the zod schema (run deno task schema)", async () => {
  const committed = await Deno.readTextFile(new URL("./report.schema.json", import.meta.url));
  assert.equal(committed, reportJsonSchema());
});

Deno.test("reportJsonSchema() describes the contract's top-level fields", () => {
  const s = JSON.parse(reportJsonSchema());
  for (
    const k of [
      "schema",
      "id",
      "createdAt",
      "partial",
      "terms",
      "consent",
      "environment",
      "probes",
      "diagnosis",
      "digest",
    ]
  ) {
    assert.ok(s.required.includes(k), k);
  }
  assert.equal(s.additionalProperties, false);
});
