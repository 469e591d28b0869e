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
 * @throws {InvalidInputError} when the config names an unknown probe id (in `only`, `skip`
 *   or `timeouts`)
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
  const unknown = (field: string, ids: readonly string[], keyed = false) => {
    ids.forEach((id, i) => {
      if (!byId.has(id)) {
        const known = [...byId.keys()].join(", ");
        const shown = JSON.stringify(id.length > 100 ? `${id.slice(0, 100)}…` : id);
        const at = keyed ? `${field}[${shown}]` : `${field}[${i}]`;
        throw new InvalidInputError({
          ja: `${source}: ${at}: 不明なプローブ ID ${shown}（使えるもの: ${known}）`,
          en: `${source}: ${at}: unknown probe id ${shown} (known: ${known})`,
        });
      }
    });
  };
  unknown("skip", config.skip);
  if (config.only) unknown("only", config.only);
  unknown("timeouts", Object.keys(config.timeouts), true);

  // Walked with explicit stacks: a plugin manifest can chain dependencies long enough to
  // overflow a recursive walk.
  const wanted = new Set<string>();
  const todo = [...(config.only ?? byId.keys())];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (wanted.has(id)) continue;
    wanted.add(id);
    todo.push(...byId.get(id)!.dependsOn);
  }
  for (const id of config.skip) wanted.delete(id);

  const ordered: Probe[] = [];
  const state = new Map<string, "visiting" | "done">();
  for (const root of all) {
    if (state.has(root.id)) continue;
    // Each frame: a probe and the index of the next dependency to visit.
    const path: [Probe, number][] = [[root, 0]];
    state.set(root.id, "visiting");
    while (path.length > 0) {
      const frame = path[path.length - 1];
      const [p, next] = frame;
      if (next < p.dependsOn.length) {
        frame[1]++;
        const d = byId.get(p.dependsOn[next])!;
        const s = state.get(d.id);
        if (s === "visiting") {
          const ids = path.map(([q]) => q.id);
          const cycle = [...ids.slice(ids.indexOf(d.id)), d.id];
          throw new TypeError(`Probe dependency cycle: ${cycle.join(" → ")}`);
        }
        if (s !== "done") {
          state.set(d.id, "visiting");
          path.push([d, 0]);
        }
        continue;
      }
      state.set(p.id, "done");
      if (wanted.has(p.id)) ordered.push(p);
      path.pop();
    }
  }
  return ordered;
}
