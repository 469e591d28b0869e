/**
 * The brand configuration of this build. `brand.json` beside this file is the open, neutral
 * default; a provider's build embeds its own file instead without touching the repository:
 * `deno task build --brand FILE` validates the file and maps this JSON import to it
 * (docs/release.md). The import is static, so the brand is inside a compiled binary and
 * read the same way under `deno run`.
 *
 * @module
 */
import input from "./brand.json" with { type: "json" };
import { type Brand, loadBrand } from "./schema.ts";

/** The brand this build ships with. */
export const BRAND: Brand = loadBrand(input);
