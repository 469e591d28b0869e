import assert from "node:assert/strict";
import { ParseError } from "./parse_error.ts";
import { parseTrace } from "./traceroute.ts";

Deno.test("parseTrace() keeps every responder and annotation of a traceroute hop", () => {
  const t = parseTrace([
    "traceroute to 192.0.2.9 (192.0.2.9), 30 hops max, 60 byte packets",
    " 1  gw.example (192.0.2.1)  0.5 ms * 198.51.100.1 (198.51.100.1)  0.7 ms !H",
  ].join("\n"));
  assert.equal(t.tool, "traceroute");
  assert.deepEqual(t.hops[0].probes, [
    { address: "192.0.2.1", name: "gw.example", rttMs: 0.5, annotation: null },
    { address: null, name: null, rttMs: null, annotation: null },
    { address: "198.51.100.1", name: null, rttMs: 0.7, annotation: "!H" },
  ]);
  assert.equal(t.reached, false);
  assert.equal(t.complete, true);
});

Deno.test("parseTrace() recognises tracert by its columns even without a header", () => {
  const t = parseTrace("  1    <1 ms     2 ms     *     192.0.2.1\n");
  assert.equal(t.tool, "tracert");
  assert.deepEqual(t.hops[0].probes.map((p) => [p.rttMs, p.lessThan ?? false]), [
    [0, true],
    [2, false],
    [null, false],
  ]);
});

Deno.test("parseTrace() reads tracepath, grouping replies that share a TTL", () => {
  const t = parseTrace([
    " 1?: [LOCALHOST]                      pmtu 1500",
    " 1:  192.0.2.1                                           0.512ms pmtu 1492",
    " 1:  192.0.2.1                                           0.430ms",
    " 2:  no reply",
    " 3:  192.0.2.9                                           1.020ms reached",
    "     Resume: pmtu 1492 hops 3 back 3",
  ].join("\n"));
  assert.equal(t.tool, "tracepath");
  assert.deepEqual(t.hops.map((h) => h.probes.length), [2, 1, 1]);
  assert.deepEqual([t.pmtu, t.reached, t.complete, t.address], [1492, true, true, "192.0.2.9"]);
});

Deno.test("parseTrace() refuses text without hop lines", () => {
  assert.throws(
    () => parseTrace("Unable to resolve target system name x.", { os: "windows" }),
    ParseError,
  );
});
