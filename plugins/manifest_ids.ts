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
  if (cycle) issues.push(`probes: dependency cycle ${cycle.join(" → ")}`);
  return issues;
}

function findCycle(manifest: Manifest): string[] | null {
  const deps = new Map(manifest.probes.map((p) => [p.id, p.dependsOn]));
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string, path: string[]): string[] | null => {
    if (state.get(id) === "done" || !deps.has(id)) return null;
    if (state.get(id) === "visiting") return [...path.slice(path.indexOf(id)), id];
    state.set(id, "visiting");
    for (const d of deps.get(id)!) {
      const c = visit(d, [...path, id]);
      if (c) return c;
    }
    state.set(id, "done");
    return null;
  };
  for (const p of manifest.probes) {
    const c = visit(p.id, []);
    if (c) return c;
  }
  return null;
}
