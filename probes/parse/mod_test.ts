import assert from "node:assert/strict";
import { parseKinds, parserFor, PARSERS } from "./mod.ts";

Deno.test("parserFor() finds registered kinds only", () => {
  assert.equal(parserFor("ping"), PARSERS.ping);
  assert.equal(parserFor("toString"), undefined);
  assert.equal(parserFor("nope"), undefined);
});

Deno.test("parseKinds() lists every kind, sorted, each with OSes and a description", () => {
  const kinds = parseKinds();
  assert.deepEqual(kinds, [...kinds].sort());
  const expected = ["ping", "traceroute", "tracert", "tracepath", "route", "netstat", "ipconfig"];
  for (const k of [...expected, "netsh-wlan", "wdutil", "airport", "iw", "scutil-dns"]) {
    assert.ok(kinds.includes(k), k);
    const entry = parserFor(k)!;
    assert.ok(entry.os.length > 0 && entry.description.en && entry.description.ja, k);
  }
});
