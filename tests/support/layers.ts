/**
 * The chain of rooms, bottom to top, that `tests/architecture_test.ts` holds the code to.
 * One value flows up it: brand and config → consent → probes (with the speed engine and
 * plugins) → diagnosis → report → a session, a send, a watch → the terminal or the browser.
 *
 * @module
 */

/** Each runtime room and its floor; a file may import its own room and anything lower. */
export const LAYERS: Readonly<Record<string, number>> = {
  util: 0,
  // The project file, read for the version.
  "deno.json": 0,
  brand: 1,
  consent: 3,
  speed: 4,
  probes: 5,
  plugins: 6,
  diagnosis: 7,
  report: 8,
  // Services below the orchestration, peers that do not import each other: the provider's
  // collector (store, ingest) and the watch history (store, events, time-of-day analysis).
  collector: 9,
  watch: 9,
  // The orchestration both faces share: one run, one send, one watch.
  session: 10,
  // The two faces; they never import each other.
  cli: 11,
  web: 11,
  "main.ts": 12,
  // The provider's entry: the kit's commands plus the collector's (build/products.ts).
  "collector_main.ts": 12,
};

/** Rooms on the same floor that must not import each other. */
const PEERS = new Set(["collector", "watch", "cli", "web"]);
const FACES = new Set(["cli", "web"]);

/**
 * The room of a repo file, or null for what the rule does not cover: tests and their
 * helpers, benches, build scripts, fixtures.
 *
 * @example
 * ```ts
 * import { roomOf } from "./layers.ts";
 * roomOf("probes/builtin/dns_resolve.ts"); // "probes"
 * roomOf("probes/runner_test.ts"); // null
 * ```
 */
export function roomOf(path: string): string | null {
  if (/_test\.tsx?$/.test(path) || /(^|\/)testing(_\w+)?\.tsx?$/.test(path)) return null;
  const room = path.includes("/") ? path.slice(0, path.indexOf("/")) : path;
  if (["tests", "bench", "build", "docs", ".github", ".ci"].includes(room)) return null;
  return room;
}

/** Why an import from `from` to `to` breaks the chain, or null when it is fine. */
export function upwardImport(from: string, to: string): string | null {
  const a = roomOf(from), b = roomOf(to);
  if (a === null || a === b) return null;
  if (b === null) return `runtime code imports test or build code (${to})`;
  const la = LAYERS[a], lb = LAYERS[b];
  if (la === undefined) return `${a} is not a room of the chain`;
  if (lb === undefined) return `${b} is not a room of the chain`;
  if (lb > la) return `${a} (${la}) sits below ${b} (${lb}): imports point down the chain`;
  if (lb === la && FACES.has(a) && FACES.has(b)) return "the two faces never import each other";
  if (lb === la && PEERS.has(a) && PEERS.has(b)) return `${a} and ${b} are peers`;
  return null;
}
