/**
 * Plugin probes for the runner: a loaded manifest becomes {@link Probe} objects, and the
 * `source` of each result is its publisher.
 *
 * @module
 */
import type { Probe } from "../probes/types.ts";
import { commandProbe } from "./command_probe.ts";
import type { HostInvocation } from "./host_spawn.ts";
import type { LoadedManifest } from "./manifest_load.ts";
import { moduleProbe } from "./module_probe.ts";

/** The probes of a loaded manifest, in manifest order. */
export function pluginProbes(
  manifest: LoadedManifest,
  opts: { invocation?: HostInvocation } = {},
): Probe[] {
  return manifest.plugins.map((p) => p.entry.module ? moduleProbe(p, opts) : commandProbe(p));
}

/**
 * `sourceOf` for the runner: the publisher for plugin probes, `builtin` for the rest.
 */
export function pluginSourceOf(manifest: LoadedManifest | null): (p: Probe) => string {
  const ids = new Set(manifest?.plugins.map((p) => p.entry.id) ?? []);
  const publisher = manifest?.publisher.id ?? "";
  return (p) => ids.has(p.id) ? publisher : "builtin";
}
