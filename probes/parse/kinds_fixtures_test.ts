/**
 * Fixture table for the 3b parsers: every `tests/fixtures/<os>/<locale>/<kind>/<name>.txt`
 * whose kind is in PARSERS_3B parses to its `<name>.expected.json`; a `<name>.bin` beside
 * it (CP932 with CRLF, as a Japanese Windows console writes) decodes to the same text.
 */
import assert from "node:assert/strict";
import { decodeOutput } from "../lib/decode.ts";
import { PARSERS_3B } from "./kinds.ts";

const ROOT = new URL("../../tests/fixtures/", import.meta.url);

interface Fixture {
  kind: keyof typeof PARSERS_3B;
  path: string;
}

function fixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const os of Deno.readDirSync(ROOT)) {
    if (!os.isDirectory) continue;
    for (const loc of Deno.readDirSync(new URL(`${os.name}/`, ROOT))) {
      if (!loc.isDirectory) continue;
      for (const kind of Deno.readDirSync(new URL(`${os.name}/${loc.name}/`, ROOT))) {
        if (!(kind.name in PARSERS_3B)) continue;
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

Deno.test("3b fixtures: every kind has fixtures", () => {
  const kinds = new Set(all.map((f) => f.kind));
  assert.deepEqual([...kinds].sort(), Object.keys(PARSERS_3B).sort());
});

for (const f of all) {
  Deno.test(`${f.kind} parses ${f.path}`, () => {
    const text = Deno.readTextFileSync(new URL(`${f.path}.txt`, ROOT));
    const expected = JSON.parse(Deno.readTextFileSync(new URL(`${f.path}.expected.json`, ROOT)));
    assert.deepEqual(JSON.parse(JSON.stringify(PARSERS_3B[f.kind].parse(text))), expected);
    let bin: Uint8Array | null = null;
    try {
      bin = Deno.readFileSync(new URL(`${f.path}.bin`, ROOT));
    } catch { /* no byte version */ }
    if (bin) {
      const decoded = decodeOutput(bin, "auto");
      assert.equal(decoded.encoding, "cp932");
      assert.equal(decoded.text, text);
      assert.deepEqual(
        JSON.parse(JSON.stringify(PARSERS_3B[f.kind].parse(decoded.text))),
        expected,
      );
    }
  });
}
