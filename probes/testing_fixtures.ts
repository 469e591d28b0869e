/**
 * Reads recorded command output from `tests/fixtures/` for probe tests (tests only: the
 * kit itself never reads files relative to its source).
 *
 * @module
 */
import { decodeOutput } from "./lib/decode.ts";

const ROOT = new URL("../tests/fixtures/", import.meta.url);

/** The text of `tests/fixtures/<path>.txt`, or of `<path>.bin` decoded like exec does. */
export function fixtureText(path: string): string {
  if (path.endsWith(".bin")) {
    return decodeOutput(Deno.readFileSync(new URL(path, ROOT)), "auto").text;
  }
  return Deno.readTextFileSync(new URL(`${path}.txt`, ROOT));
}
