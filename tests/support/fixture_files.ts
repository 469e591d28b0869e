/**
 * Walks `tests/fixtures/<os>/<locale>/<kind>/<name>.(txt|bin)`: recorded command output,
 * each beside `<name>.expected.json` (the expected parse, or `{"$error": {...}}` when the
 * parser must refuse the text). Shared by the fixture table test and the CLI round trip.
 *
 * @module
 */
import { decodeOutput } from "../../probes/lib/decode.ts";
import type { Platform } from "../../probes/types.ts";

/** One recorded output and its expected parse. */
export interface Fixture {
  os: Platform;
  locale: string;
  kind: string;
  name: string;
  /** Path relative to `tests/fixtures/`, for messages. */
  path: string;
  bytes: Uint8Array;
  /** True for `.bin` (CP932 bytes, as Japanese Windows writes them). */
  cp932: boolean;
  expected: unknown;
}

/** The expectation of a fixture the parser must refuse. */
export interface ExpectedError {
  /** `problem`: the reason the input was refused as a whole (`empty`, `binary`, …), if it was. */
  $error: { name: string; missing: string[]; problem?: string };
}

const ROOT = new URL("../fixtures/", import.meta.url);
const OSES = ["windows", "darwin", "linux"];

/** Every fixture, sorted by path. Requires `--allow-read`. */
export function loadFixtures(): Fixture[] {
  const out: Fixture[] = [];
  // Other fixtures (e.g. `pki/`) live beside the per-OS folders.
  for (const os of dirs(ROOT).filter((d) => OSES.includes(d))) {
    for (const locale of dirs(new URL(`${os}/`, ROOT))) {
      for (const kind of dirs(new URL(`${os}/${locale}/`, ROOT))) {
        const dir = new URL(`${os}/${locale}/${kind}/`, ROOT);
        for (const e of Deno.readDirSync(dir)) {
          const m = e.name.match(/^(.+)\.(txt|bin)$/);
          if (!e.isFile || !m) continue;
          const expected = new URL(`${m[1]}.expected.json`, dir);
          out.push({
            os: os as Platform,
            locale,
            kind,
            name: m[1],
            path: `${os}/${locale}/${kind}/${e.name}`,
            bytes: Deno.readFileSync(new URL(e.name, dir)),
            cp932: m[2] === "bin",
            expected: exists(expected) ? JSON.parse(Deno.readTextFileSync(expected)) : undefined,
          });
        }
      }
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** True when the fixture expects the parser to refuse the text. */
export function expectsError(expected: unknown): expected is ExpectedError {
  return typeof expected === "object" && expected !== null && "$error" in expected;
}

function dirs(url: URL): string[] {
  return [...Deno.readDirSync(url)].filter((e) => e.isDirectory).map((e) => e.name).sort();
}

function exists(url: URL): boolean {
  try {
    Deno.statSync(url);
    return true;
  } catch {
    return false;
  }
}

/** The decoded text of one fixture, by its path below `tests/fixtures/`, as exec would give it. */
export function fixtureText(path: string): string {
  return decodeOutput(Deno.readFileSync(new URL(path, ROOT)), "auto").text;
}
