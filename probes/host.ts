/**
 * The real machine as probes see it: this OS, this process's environment, the system's
 * files, and whether the kit runs with administrator rights. The runner gives it to every
 * probe; tests give another (`probes/testing.ts`).
 *
 * @module
 */
import type { Platform, ProbeHost } from "./types.ts";

/**
 * This machine. Reading the environment requires `--allow-env`; files, `--allow-read`.
 *
 * @example
 * ```ts
 * import { denoHost } from "./host.ts";
 * denoHost().os === Deno.build.os; // true
 * ```
 */
export function denoHost(): ProbeHost {
  return {
    os: Deno.build.os as Platform,
    env: (name) => {
      try {
        return Deno.env.get(name);
      } catch {
        return undefined; // not allowed to read it: the same as unset, which probes say
      }
    },
    readTextFile: (path) => Deno.readTextFile(path),
    isRoot: isRoot(),
  };
}

function isRoot(): boolean {
  try {
    return Deno.uid() === 0;
  } catch {
    return false;
  }
}
