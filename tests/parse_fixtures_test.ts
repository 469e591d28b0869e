/**
 * The fixture table: every recorded output under `tests/fixtures/<os>/<locale>/<kind>/`
 * parses to its `.expected.json`, through the parser the registry names for `<kind>`.
 */
import assert from "node:assert/strict";
import { decodeOutput } from "../probes/lib/decode.ts";
import { parserFor, PARSERS } from "../probes/parse/mod.ts";
import { ParseError } from "../probes/parse/parse_error.ts";
import { expectsError, loadFixtures } from "./support/fixture_files.ts";

const fixtures = loadFixtures();

Deno.test("fixtures: every fixture has an expectation and a registered kind", () => {
  assert.ok(fixtures.length > 0, "no fixtures found");
  for (const f of fixtures) {
    assert.notEqual(f.expected, undefined, `${f.path}: missing ${f.name}.expected.json`);
    assert.ok(parserFor(f.kind), `${f.path}: no parser registered for kind "${f.kind}"`);
  }
});

Deno.test("fixtures: Windows Japanese fixtures are CP932 bytes, not UTF-8", () => {
  const bins = fixtures.filter((f) => f.cp932);
  assert.ok(bins.length >= 10, `only ${bins.length} CP932 fixtures`);
  for (const f of bins) {
    assert.equal(decodeOutput(f.bytes, "auto").encoding, "cp932", `${f.path} decodes as UTF-8`);
  }
});

Deno.test("fixtures: every ping, traceroute and route kind has fixtures on each of its OSes", () => {
  for (const kind of ["ping", "route"] as const) {
    for (const os of PARSERS[kind].os) {
      assert.ok(
        fixtures.some((f) => f.kind === kind && f.os === os),
        `no ${kind} fixture for ${os}`,
      );
    }
  }
});

for (const f of fixtures) {
  Deno.test(`parse ${f.kind}: ${f.path}`, () => {
    const text = decodeOutput(f.bytes, "auto").text;
    const parse = () => parserFor(f.kind)!.parse(text, { os: f.os });
    if (expectsError(f.expected)) {
      const want = f.expected.$error;
      assert.throws(parse, (e: unknown) => {
        assert.ok(e instanceof ParseError, `${f.path}: threw ${e}`);
        assert.deepEqual(e.missing, want.missing);
        assert.equal(e.problem?.reason, want.problem);
        return true;
      });
      return;
    }
    // Through JSON, as the CLI prints it: optional keys absent, not undefined.
    assert.deepEqual(JSON.parse(JSON.stringify(parse())), f.expected);
  });
}
