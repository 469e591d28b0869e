/**
 * The tool's version, read from `deno.json` by a static JSON import so it is embedded in
 * compiled binaries too.
 *
 * @module
 */
import meta from "../deno.json" with { type: "json" };

/** The kit's version, e.g. `0.1.0`. */
export const VERSION: string = meta.version;
