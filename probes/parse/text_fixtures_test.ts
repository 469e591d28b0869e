/**
 * Fixture table of the parsers whose fixtures are stored as text: every
 * `tests/fixtures/<os>/<locale>/<kind>/<name>.txt` parses to its `<name>.expected.json`;
 * a `<name>.bin` beside it (CP932 with CRLF, as a Japanese Windows console writes) decodes
 * to the same text. (Ping, trace and route fixtures are the raw outputs in
 * `tests/parse_fixtures_test.ts`.)
 */
import assert from "node:assert/strict";
import { decodeOutput } from "../lib/decode.ts";
import { type ParseKind, PARSERS } from "./mod.ts";

/** The kinds whose fixtures are `.txt` files with an expected parse beside them. */
const TEXT_KINDS = Object.keys(PARSERS).filter((k) =>
  !["ping", "traceroute", "tracert", "tracepath", "route", "netstat"].includes(k)
) as ParseKind[];

const ROOT = new URL("../../tests/fixtures/", import.meta.url);

interface Fixture {
  kind: ParseKind;
  path: string;
}

function fixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const os of Deno.readDirSync(ROOT)) {
    if (!os.isDirectory) continue;
    for (const loc of Deno.readDirSync(new URL(`${os.name}/`, ROOT))) {
      if (!loc.isDirectory) continue;
      for (const kind of Deno.readDirSync(new URL(`${os.name}/${loc.name}/`, ROOT))) {
        if (!(TEXT_KINDS as string[]).includes(kind.name)) continue;
        const dir = `${os.name}/${loc.name}/${kind.name}/`;
        for (const f of Deno.readDirSync(new URL(dir, ROOT))) {
          if (f.name.endsWith(".txt")) {
            out.push({ kind: kind.name as Fixture["kind"], path: dir + f.name.slice(0, -4) });
          }
        }
      }
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

const all = fixtures();

Deno.test("text fixtures: every text kind has fixtures", () => {
  const kinds = new Set(all.map((f) => f.kind));
  assert.deepEqual([...kinds].sort(), [...TEXT_KINDS].sort());
});

for (const f of all) {
  Deno.test(`${f.kind} parses ${f.path}`, () => {
    const text = Deno.readTextFileSync(new URL(`${f.path}.txt`, ROOT));
    const expected = JSON.parse(Deno.readTextFileSync(new URL(`${f.path}.expected.json`, ROOT)));
    assert.deepEqual(JSON.parse(JSON.stringify(PARSERS[f.kind].parse(text))), expected);
    let bin: Uint8Array | null = null;
    try {
      bin = Deno.readFileSync(new URL(`${f.path}.bin`, ROOT));
    } catch { /* no byte version */ }
    if (bin) {
      const decoded = decodeOutput(bin, "auto");
      assert.equal(decoded.encoding, "cp932");
      assert.equal(decoded.text, text);
      assert.deepEqual(
        JSON.parse(JSON.stringify(PARSERS[f.kind].parse(decoded.text))),
        expected,
      );
    }
  });
}
