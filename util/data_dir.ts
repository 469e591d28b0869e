/**
 * The per-user data directory, for data a program keeps rather than settings:
 * `%LOCALAPPDATA%` on Windows, `~/Library/Application Support` on macOS, `$XDG_DATA_HOME`
 * (or `~/.local/share`) elsewhere. `KIRIWAKE_DATA_DIR` overrides it.
 *
 * @module
 */
import { join } from "node:path";
import type { EnvGet } from "./config_dir.ts";

/**
 * Returns the kit's data directory for `brandId` inside the OS's per-user data directory.
 *
 * @throws {Error} when the OS gives no home or data directory
 * @example
 * ```ts
 * userDataDir("kiriwake", "linux", (n) => ({ HOME: "/home/a" })[n]); // "/home/a/.local/share/kiriwake"
 * ```
 */
export function userDataDir(brandId: string, os: string, env: EnvGet): string {
  const override = env("KIRIWAKE_DATA_DIR");
  if (override) return override;
  let base: string | undefined;
  if (os === "windows") base = env("LOCALAPPDATA") || env("APPDATA");
  else if (os === "darwin") {
    base = env("HOME") && join(env("HOME")!, "Library", "Application Support");
  } else base = env("XDG_DATA_HOME") || (env("HOME") && join(env("HOME")!, ".local", "share"));
  if (!base) {
    throw new Error(
      `Cannot find the per-user data directory: ${
        os === "windows" ? "LOCALAPPDATA" : "HOME"
      } is not set`,
    );
  }
  return join(base, brandId);
}
