import assert from "node:assert/strict";
import { browserCommand } from "./open_browser.ts";

Deno.test("browserCommand() uses each OS's own opener", () => {
  const url = "http://127.0.0.1:1234/?token=abc_-";
  assert.deepEqual(browserCommand("linux", url), ["xdg-open", url]);
  assert.deepEqual(browserCommand("darwin", url), ["open", url]);
  assert.deepEqual(browserCommand("windows", url), ["cmd", "/c", "start", '""', url]);
});
