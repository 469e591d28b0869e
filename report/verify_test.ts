import assert from "node:assert/strict";
import { InvalidInputError } from "../util/errors.ts";
import { sampleReport } from "./html/testing.ts";
import { verifyReportText } from "./verify.ts";

const refused = (text: string, why: RegExp) =>
  assert.rejects(
    () => verifyReportText(text, "r.json"),
    (e: Error) => e instanceof InvalidInputError && why.test(e.message),
  );

Deno.test("verifyReportText() accepts a report exactly as written", async () => {
  const r = await sampleReport();
  assert.equal((await verifyReportText(JSON.stringify(r, null, 2), "r.json")).id, r.id);
});

Deno.test("verifyReportText() seals every member: one the schema would drop still breaks the digest", async () => {
  const text = JSON.stringify(await sampleReport());
  await refused(
    text.replace(`"data":{`, `"data":{"__proto__":{"x":1},`),
    /digest: the content does not match/,
  );
  await refused(
    text.replace(`"data":{`, `"data":{"planted":1,`),
    /digest: the content does not match/,
  );
});

Deno.test("verifyReportText() refuses a member named twice and nesting past the limit", async () => {
  const text = JSON.stringify(await sampleReport());
  await refused(text.replace(/^\{/, `{"id":"forged",`), /names the member "id" twice/);
  const deep = "[".repeat(30_000) + "]".repeat(30_000);
  await refused(
    text.replace(`"data":{`, `"data":{"d":${deep},`),
    /nested deeper than 64 levels \(the limit\)/,
  );
});
