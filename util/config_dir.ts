/**
 * The per-user configuration directory, where the acceptance record (and later licences
 * and manifests) live: `%APPDATA%` on Windows, `~/Library/Application Support` on macOS,
 * `$XDG_CONFIG_HOME` (or `~/.config`) elsewhere. `KIRIWAKE_CONFIG_DIR` overrides it.
 *
 * @module
 */
import { join } from "node:path";

/** Reads an environment variable; injected for tests. */
export type EnvGet = (name: string) => string | undefined;

/**
 * Returns the kit's directory for `brandId` inside the OS's per-user config directory.
 *
 * @throws {Error} when the OS gives no home or config directory
 * @example
 * ```ts
 * userConfigDir("kiriwake", "linux", (n) => ({ HOME: "/home/a" })[n]); // "/home/a/.config/kiriwake"
 * ```
 */
export function userConfigDir(brandId: string, os: string, env: EnvGet): string {
  const override = env("KIRIWAKE_CONFIG_DIR");
  if (override) return override;
  let base: string | undefined;
  if (os === "windows") base = env("APPDATA");
  else if (os === "darwin") {
    base = env("HOME") && join(env("HOME")!, "Library", "Application Support");
  } else base = env("XDG_CONFIG_HOME") || (env("HOME") && join(env("HOME")!, ".config"));
  if (!base) {
    throw new Error(
      `Cannot find the per-user config directory: ${
        os === "windows" ? "APPDATA" : "HOME"
      } is not set`,
    );
  }
  return join(base, brandId);
}
