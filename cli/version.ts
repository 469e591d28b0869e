/**
 * `kiriwake --version [--json]`: which kit this is — version, brand, terms, when and from
 * which commit it was built, the Deno it runs on and the target it was built for. Run from
 * source (`deno run main.ts`) it says so: `build` is `"source"` and the build time and commit
 * are null.
 *
 * @module
 */
import type { Brand } from "../brand/schema.ts";
import { BUILD_INFO, VERSION } from "../util/version.ts";

/** What `--version --json` prints. */
export interface VersionInfo {
  product: string;
  version: string;
  /** The brand's id. */
  brand: string;
  provider: string;
  /** The version of the terms this build ships. */
  termsVersion: string;
  /** `compiled`: a `deno compile` binary; `source`: `deno run` on the source tree. */
  build: "compiled" | "source";
  /** ISO 8601 time of the build; null from source. */
  builtAt: string | null;
  /** The git commit of the build; null from source or when the build did not know it. */
  commit: string | null;
  deno: string;
  /** The Rust target triple, e.g. `x86_64-pc-windows-msvc`. */
  target: string;
}

/** This kit's version facts. */
export function versionInfo(
  brand: Brand,
  standalone: boolean = Deno.build.standalone ?? false,
): VersionInfo {
  return {
    product: brand.product,
    version: VERSION,
    brand: brand.id,
    provider: brand.provider,
    termsVersion: brand.terms.version,
    build: standalone ? "compiled" : "source",
    builtAt: BUILD_INFO.builtAt,
    commit: BUILD_INFO.commit,
    deno: Deno.version.deno,
    target: Deno.build.target,
  };
}

/**
 * The one-line `--version`, e.g.
 * `kiriwake 0.1.0 (brand kiriwake, terms 1.0; built 2026-12-01T09:00:00Z from 1a2b3c4; x86_64-unknown-linux-gnu; deno 2.9.6)`.
 */
export function versionLine(v: VersionInfo): string {
  const built = v.build === "source"
    ? "from source"
    : `built ${v.builtAt ?? "at an unknown time"}${
      v.commit ? ` from ${v.commit.slice(0, 12)}` : ""
    }`;
  return `${v.product} ${v.version} (brand ${v.brand}, terms ${v.termsVersion}; ${built}; ${v.target}; deno ${v.deno})`;
}
