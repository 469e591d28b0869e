/**
 * The preamble every measuring command shares, terminal or browser: the run configuration
 * (a `--config` file or the brand's default), the plugins (a manifest found under the
 * brand's policy), and the plan (probes selected and ordered). Everything that can be wrong
 * with the input fails here, before anything is measured and before consent is asked.
 * Consent comes next, decided by `consent/gate.ts` and asked by the face.
 *
 * @example
 * ```ts ignore
 * const prep = await prepareRun({ brand, configDir, configFile: "lab.json" });
 * io.err(prep.notes(lang));
 * await runSession({ ...prep, grant, paths, … });
 * ```
 *
 * @module
 */
import type { Brand } from "../brand/schema.ts";
import { discoverPlugins, manifestNotes, processDiscovery } from "../plugins/discover.ts";
import type { LoadedManifest } from "../plugins/manifest_load.ts";
import { pluginProbes, pluginSourceOf } from "../plugins/mod.ts";
import { defaultConfig, loadConfigFile, type LoadedConfig } from "../probes/config_load.ts";
import { BUILTIN_PROBES } from "../probes/mod.ts";
import { planProbes } from "../probes/plan.ts";
import type { Probe } from "../probes/types.ts";
import type { Lang } from "../util/text.ts";

/** What a run is prepared from. */
export interface PrepareOptions {
  brand: Brand;
  /** The per-user config directory (where an installed manifest may live). */
  configDir: string;
  /** `--config FILE`; the brand's default configuration when absent. */
  configFile?: string;
  /** `--manifest FILE`. */
  manifest?: string;
}

/** A run ready for consent: its configuration, plugins and planned probes. */
export interface PreparedRun {
  config: LoadedConfig;
  /** The loaded plugin manifest, or null when there is none. */
  plugins: LoadedManifest | null;
  /** The planned probes, built-in and plugin, in dependency order. */
  probes: Probe[];
  /** Where each probe's result comes from: `builtin` or the plugin publisher. */
  sourceOf(p: Probe): string;
  /** What to tell the customer about the plugins before measuring (empty when none). */
  notes(lang: Lang, quiet?: boolean): string;
}

/**
 * Loads the run configuration: `file`, or the brand's default.
 *
 * Requires `--allow-read` of the file.
 *
 * @throws {InvalidInputError} naming the file (or the brand) and every wrong field
 */
export async function loadRunConfig(brand: Brand, file?: string): Promise<LoadedConfig> {
  return file ? await loadConfigFile(file) : await defaultConfig(brand.defaultConfig);
}

/**
 * Prepares a run: configuration, plugins, plan.
 *
 * @throws {InvalidInputError} for a bad config or manifest (exit 4)
 * @throws {RefusedError} for a manifest the brand's policy refuses (exit 3)
 * @throws {UsageError} for a plan whose probe ids or dependencies do not exist
 */
export async function prepareRun(opts: PrepareOptions): Promise<PreparedRun> {
  const config = await loadRunConfig(opts.brand, opts.configFile);
  const plugins = await discoverPlugins(
    opts.brand,
    processDiscovery(opts.manifest, opts.configDir),
  );
  const probes = planProbes(
    [...BUILTIN_PROBES, ...(plugins ? pluginProbes(plugins) : [])],
    config.config,
    opts.configFile ?? "config",
  );
  return {
    config,
    plugins,
    probes,
    sourceOf: pluginSourceOf(plugins),
    notes: (lang, quiet) => manifestNotes(plugins, lang, quiet),
  };
}
