/**
 * Where the plugin manifest comes from: `--manifest FILE`, else `manifest.json` beside the
 * executable (compiled builds only: under `deno run` the executable is deno itself), else
 * `manifest.json` in the per-user config directory. No manifest means no plugins.
 *
 * @module
 */
import { dirname, join } from "node:path";
import type { Brand } from "../brand/schema.ts";
import { BUILTIN_IDS } from "../probes/mod.ts";
import { type LoadedManifest, loadManifest } from "./manifest_load.ts";
import type { Lang, Localized } from "../util/text.ts";
import { terminalSafe } from "../util/terminal_text.ts";

/** Where to look. */
export interface DiscoverOptions {
  /** `--manifest FILE`, when given. */
  flag?: string;
  /** True inside a compiled binary. */
  standalone: boolean;
  /** `Deno.execPath()`. */
  execPath: string;
  /** The per-user config directory of this brand. */
  configDir: string;
}

/** The manifest file to use, or null when there is none. Requires `--allow-read`. */
export async function findManifest(opts: DiscoverOptions): Promise<string | null> {
  if (opts.flag !== undefined) return opts.flag;
  const candidates = [
    ...(opts.standalone ? [join(dirname(opts.execPath), "manifest.json")] : []),
    join(opts.configDir, "manifest.json"),
  ];
  for (const c of candidates) {
    try {
      if ((await Deno.stat(c)).isFile) return c;
    } catch { /* not there */ }
  }
  return null;
}

/**
 * Finds and loads the manifest under the brand's policy, or returns null when there is none.
 *
 * @throws {InvalidInputError} / {RefusedError} as {@link loadManifest}
 */
export async function discoverPlugins(
  brand: Brand,
  opts: DiscoverOptions,
): Promise<LoadedManifest | null> {
  const path = await findManifest(opts);
  if (path === null) return null;
  return await loadManifest(path, {
    unsigned: brand.plugins.unsigned,
    publicKeys: brand.plugins.publicKeys,
    builtinIds: BUILTIN_IDS,
  });
}

/** Discovery options of this process. */
export function processDiscovery(flag: string | undefined, configDir: string): DiscoverOptions {
  return {
    flag,
    standalone: Deno.build.standalone ?? false,
    execPath: Deno.execPath(),
    configDir,
  };
}

/** What to tell on stderr about a loaded manifest: a summary line unless `quiet`, and warnings. */
export function manifestNotes(
  m: LoadedManifest | null,
  lang: Lang,
  quiet = false,
): string {
  if (!m) return "";
  const head: Localized = {
    ja: `プラグイン: ${m.plugins.length} 件 (${m.publisher.name}、${m.path}、${
      m.signedBy ? `署名済み ${m.signedBy}` : "署名なし"
    })`,
    en: `Plugins: ${m.plugins.length} from ${m.publisher.name} (${m.path}, ${
      m.signedBy ? `signed by ${m.signedBy}` : "unsigned"
    })`,
  };
  return [...(quiet ? [] : [head]), ...m.warnings].map((t) => `${terminalSafe(t[lang])}\n`)
    .join("");
}
