/**
 * Plans a run: selects probes by the config's `only`/`skip`, checks every dependency
 * exists and that there is no cycle, and orders them so dependencies come first.
 * A bad plan fails here, before anything is measured.
 *
 * @module
 */
import { InvalidInputError } from "../util/errors.ts";
import type { RunConfig } from "./config.ts";
import type { Probe } from "./types.ts";

/**
 * Returns the probes to run, dependencies first.
 *
 * @throws {InvalidInputError} when the config names an unknown probe id
 * @throws {TypeError} when probes have duplicate ids, unknown dependencies or a cycle
 */
export function planProbes(all: readonly Probe[], config: RunConfig, source = "config"): Probe[] {
  const byId = new Map<string, Probe>();
  for (const p of all) {
    if (byId.has(p.id)) throw new TypeError(`Duplicate probe id "${p.id}"`);
    byId.set(p.id, p);
  }
  for (const p of all) {
    for (const d of p.dependsOn) {
      if (!byId.has(d)) throw new TypeError(`Probe "${p.id}" depends on unknown probe "${d}"`);
    }
  }
  const unknown = (field: string, ids: readonly string[]) => {
    ids.forEach((id, i) => {
      if (!byId.has(id)) {
        const known = [...byId.keys()].join(", ");
        throw new InvalidInputError({
          ja: `${source}: ${field}[${i}]: 不明なプローブ ID "${id}"（使えるもの: ${known}）`,
          en: `${source}: ${field}[${i}]: unknown probe id "${id}" (known: ${known})`,
        });
      }
    });
  };
  unknown("skip", config.skip);
  if (config.only) unknown("only", config.only);

  const wanted = new Set<string>();
  const want = (id: string) => {
    if (wanted.has(id)) return;
    wanted.add(id);
    byId.get(id)!.dependsOn.forEach(want);
  };
  (config.only ?? [...byId.keys()]).forEach(want);
  for (const id of config.skip) wanted.delete(id);

  const ordered: Probe[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (p: Probe, path: string[]) => {
    const s = state.get(p.id);
    if (s === "done") return;
    if (s === "visiting") {
      throw new TypeError(`Probe dependency cycle: ${[...path, p.id].join(" → ")}`);
    }
    state.set(p.id, "visiting");
    for (const d of p.dependsOn) visit(byId.get(d)!, [...path, p.id]);
    state.set(p.id, "done");
    if (wanted.has(p.id)) ordered.push(p);
  };
  for (const p of all) visit(p, []);
  return ordered;
}
