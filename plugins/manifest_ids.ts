/**
 * The id rules of a manifest: every plugin id sits in its publisher's namespace, no
 * namespace of the built-in probes is taken, ids are unique, and dependencies exist and have
 * no cycle. Pure: returns every problem found, with its path and the plugin's id.
 *
 * @module
 */
import type { Manifest } from "./manifest_schema.ts";

/** Publisher ids that would make results look like the kit's own. */
const RESERVED = new Set(["builtin", "kiriwake", "plugin", "test"]);

/** Returns the id problems of `manifest`; empty when there are none. */
export function checkIds(manifest: Manifest, builtinIds: ReadonlySet<string>): string[] {
  const issues: string[] = [];
  const ns = manifest.publisher.id;
  const builtinNs = new Set([...builtinIds].map((id) => id.split(".")[0]));
  if (RESERVED.has(ns) || builtinNs.has(ns)) {
    issues.push(`publisher.id: "${ns}" is reserved for the kit's built-in probes`);
  }
  const seen = new Map<string, number>();
  const ids = new Set(manifest.probes.map((p) => p.id));
  manifest.probes.forEach((p, i) => {
    const at = `probes[${i}] (${p.id})`;
    if (builtinIds.has(p.id)) issues.push(`${at}.id: "${p.id}" is a built-in probe`);
    else if (!p.id.startsWith(`${ns}.`)) {
      issues.push(`${at}.id: must start with the publisher's namespace "${ns}."`);
    }
    const first = seen.get(p.id);
    if (first !== undefined) issues.push(`${at}.id: duplicate of probes[${first}]`);
    else seen.set(p.id, i);
    p.dependsOn.forEach((d, j) => {
      if (!ids.has(d) && !builtinIds.has(d)) {
        issues.push(`${at}.dependsOn[${j}]: unknown probe "${d}"`);
      }
    });
  });
  const cycle = findCycle(manifest);
  if (cycle) {
    const shown = cycle.length > 12
      ? [...cycle.slice(0, 6), `… ${cycle.length - 11} more …`, ...cycle.slice(-5)]
      : cycle;
    issues.push(`probes: dependency cycle ${shown.join(" → ")}`);
  }
  return issues;
}

/**
 * The first dependency cycle, as the ids along it, or null. Walked with an explicit stack: a
 * manifest can chain dependencies far deeper than a recursive walk survives.
 */
function findCycle(manifest: Manifest): string[] | null {
  const deps = new Map(manifest.probes.map((p) => [p.id, p.dependsOn]));
  const state = new Map<string, "visiting" | "done">();
  for (const root of manifest.probes) {
    if (state.has(root.id)) continue;
    // Each frame: an id and the index of its next dependency to visit.
    const path: [string, number][] = [[root.id, 0]];
    state.set(root.id, "visiting");
    while (path.length > 0) {
      const frame = path[path.length - 1];
      const [id, next] = frame;
      const ds = deps.get(id)!;
      if (next >= ds.length) {
        state.set(id, "done");
        path.pop();
        continue;
      }
      frame[1]++;
      const d = ds[next];
      if (!deps.has(d) || state.get(d) === "done") continue;
      if (state.get(d) === "visiting") {
        const ids = path.map(([x]) => x);
        return [...ids.slice(ids.indexOf(d)), d];
      }
      state.set(d, "visiting");
      path.push([d, 0]);
    }
  }
  return null;
}
