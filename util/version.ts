/**
 * The tool's version, read from `deno.json`, and what the build recorded about itself, read
 * from `build_info.json`. Both are static JSON imports, so they are embedded in compiled
 * binaries too. `deno task build` maps `build_info.json` to a file it writes with the build
 * time and the commit; from source both stay null.
 *
 * @module
 */
import meta from "../deno.json" with { type: "json" };
import build from "./build_info.json" with { type: "json" };

/** The kit's version, e.g. `0.1.0`. */
export const VERSION: string = meta.version;

/** What a build recorded: when it was made and from which commit (null when run from source). */
export interface BuildInfo {
  /** ISO 8601 time of the build. */
  builtAt: string | null;
  /** The git commit the build was made from, when the build knew it. */
  commit: string | null;
}

/** This build's record. */
export const BUILD_INFO: BuildInfo = build;
