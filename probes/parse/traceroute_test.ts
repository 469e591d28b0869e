import assert from "node:assert/strict";
import { ParseError } from "./parse_error.ts";
import { parseTrace } from "./traceroute.ts";
import { fixtureText } from "../../tests/support/fixture_files.ts";

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

const fixture = (path: string) => fixtureText(path);

Deno.test("parseTrace() keeps the address of a hop annotated with its AS, before or after it", () => {
  // Linux `traceroute -A`: "10.77.0.1 [AS64500]"; the bracket used to become the host name.
  const linux = parseTrace(fixture("linux/en/traceroute/v4_as_lookup_numeric.txt"));
  assert.deepEqual(linux.hops[0].probes[0], {
    address: "10.77.0.1",
    name: null,
    rttMs: 0.036,
    annotation: null,
    as: "AS64500",
  });
  assert.equal(linux.reached, true);
  // A failed lookup ("[!!]", "[*]") keeps the address and records no AS.
  const failed = parseTrace(fixture("linux/en/traceroute/v4_as_lookup_failed.txt"));
  assert.deepEqual(failed.hops.map((h) => h.probes[0].address), ["10.77.0.1", "10.77.1.2"]);
  assert.equal(failed.hops[0].probes[0].as, undefined);
  // macOS `traceroute -a`: "[AS0] 94.142.122.44 (94.142.122.44)".
  const mac = parseTrace(fixture("darwin/en/traceroute/macos_as_lookup_continuation.txt"));
  assert.deepEqual(mac.hops[0].probes[0], {
    address: "192.168.0.1",
    name: null,
    rttMs: 9.173,
    annotation: null,
    as: "AS128742",
  });
});

Deno.test("parseTrace() adds BSD's indented lines to their TTL: every responder, every time", () => {
  const t = parseTrace(fixture("darwin/en/traceroute/freebsd_continuation_reached.txt"));
  const last = t.hops.at(-1)!;
  assert.deepEqual(last.probes.map((p) => [p.address, p.rttMs]), [
    ["8.8.8.8", 23.228],
    ["209.85.252.251", 24.548],
    ["108.170.237.23", 24.332],
  ]);
  assert.equal(t.reached, true);
  assert.deepEqual(t.hops[6].probes.map((p) => p.address), [
    "12.255.10.226",
    "12.255.10.224",
    "12.255.10.224",
  ]);
  assert.deepEqual(t.messages, []);
});

Deno.test("parseTrace() reads tracepath's asymm after the time as no part of the host", () => {
  const t = parseTrace(fixture("linux/en/tracepath/v4_asymm_numeric.txt"));
  assert.deepEqual(t.hops[0].probes.map((p) => [p.address, p.name, p.rttMs]), [
    ["10.77.0.1", null, 0.052],
    ["10.77.0.1", null, 0.011],
  ]);
});

Deno.test("parseTrace() with a tool refuses another tool's trace", () => {
  const linux = fixture("linux/en/traceroute/v4_numeric.txt");
  assert.equal(parseTrace(linux).tool, "traceroute");
  for (const tool of ["tracert", "tracepath"] as const) {
    assert.throws(() => parseTrace(linux, { tool }), ParseError, tool);
  }
  const windows = fixture("windows/en/tracert/two_line_header.txt");
  assert.equal(parseTrace(windows, { tool: "tracert" }).tool, "tracert");
  assert.throws(() => parseTrace(windows, { tool: "traceroute" }), ParseError);
});
