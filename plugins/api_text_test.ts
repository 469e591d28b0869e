import assert from "node:assert/strict";
import { API_TS } from "./api_text.ts";

Deno.test("API_TS is the text of plugins/api.ts (regenerate with plugins/api_text_gen.ts)", async () => {
  assert.equal(API_TS, await Deno.readTextFile(new URL("./api.ts", import.meta.url)));
});
