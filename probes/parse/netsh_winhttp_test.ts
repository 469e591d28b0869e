import assert from "node:assert/strict";
import { parseNetshWinhttp } from "./netsh_winhttp.ts";
import { ParseError } from "./parse_error.ts";

Deno.test("parseNetshWinhttp() reads a proxy in a language it has no words for", () => {
  // French, as quoted in public test suites: the layout, not the words, carries the meaning.
  const fr = "\r\nParamètres de proxy WinHTTP actuels :\r\n\r\n" +
    "    Serveur(s) proxy :  proxy.local:8080\r\n    Liste de contournement     :  (aucun)\r\n";
  const r = parseNetshWinhttp(fr);
  assert.equal(r.http, "proxy.local:8080");
  assert.deepEqual(r.bypass, []);
});

Deno.test("parseNetshWinhttp() refuses output of another command", () => {
  for (const text of ["hello", "", "Proxy Server(s) :  p:8080"]) {
    assert.throws(() => parseNetshWinhttp(text), ParseError, text);
  }
});
