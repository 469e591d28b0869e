/**
 * Property-based fuzzing (fast-check, fixed seeds) of the three parsers that take files from
 * outside: the report verifier, the config loader and the manifest loader. Each property
 * holds for any input:
 *
 * - report: `verifyReportText` returns or throws `InvalidInputError`, nothing else; and when
 *   it accepts a changed report, the document is the one that was sealed (every member).
 * - config: `loadConfigFile` returns or throws `InvalidInputError`; an accepted config's
 *   hosts are hosts and its durations are within range.
 * - manifest: `loadManifest` returns or throws `InvalidInputError`/`RefusedError`.
 *
 * The modules are passed in, so the same properties measure another checkout (the census
 * loads them from `--root`).
 *
 * @module
 */
import fc from "fast-check";
import { join } from "node:path";

/** The functions under test, from one checkout. */
export interface FuzzTargets {
  verifyReportText(text: string, name: string): Promise<unknown>;
  loadConfigFile(path: string): Promise<{ config: unknown }>;
  loadManifest(path: string, opts: unknown): Promise<unknown>;
  /** Error classes a parser may throw for bad input. */
  expected: (new (...a: never[]) => Error)[];
}

/** What one property run found. */
export interface FuzzResult {
  name: string;
  runs: number;
  /** Null when the property held; else the counterexample and what went wrong. */
  failure: string | null;
}

/** Loads the targets from the checkout at `root`. */
export async function targetsFrom(root: string): Promise<FuzzTargets> {
  const url = (p: string) => new URL(p, `file://${root.endsWith("/") ? root : `${root}/`}`).href;
  const verify = await import(url("report/verify.ts"));
  const config = await import(url("probes/config_load.ts"));
  const manifest = await import(url("plugins/manifest_load.ts"));
  const errors = await import(url("util/errors.ts"));
  return {
    verifyReportText: verify.verifyReportText,
    loadConfigFile: config.loadConfigFile,
    loadManifest: manifest.loadManifest,
    expected: [errors.InvalidInputError, errors.RefusedError],
  };
}

/** A JSON value that goes deep, names members such as `__proto__`, and holds odd strings. */
function hostileValue(): fc.Arbitrary<unknown> {
  const key = fc.oneof(
    fc.string(),
    fc.constantFrom("__proto__", "constructor", "prototype", "digest", "schema", "probes"),
  );
  const leaf = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(
      "-rf",
      "--help",
      "\u001b[2J",
      "\u009b31m",
      "\u202e",
      "a b",
      "",
      "x".repeat(3000),
    ),
    fc.constantFrom(2 ** 31, -1, 0, 1e308, Number.MAX_SAFE_INTEGER),
  );
  const deep = fc.integer({ min: 60, max: 5000 }).map((n) => {
    let v: unknown = [];
    for (let i = 0; i < n; i++) v = [v];
    return v;
  });
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      deep,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(key, tie("value"), { maxKeys: 4 }),
    ),
  })).value;
}

/** Sets `value` at a random path of `doc` (objects and arrays are walked by index). */
function plant(doc: unknown, path: number[], key: string, value: unknown): unknown {
  const root = structuredClone(doc) as Record<string, unknown>;
  let at: unknown = root;
  for (const step of path) {
    if (at === null || typeof at !== "object") break;
    const keys = Object.keys(at);
    if (keys.length === 0) break;
    const next = (at as Record<string, unknown>)[keys[step % keys.length]];
    if (next === null || typeof next !== "object") break;
    at = next;
  }
  if (at !== null && typeof at === "object") {
    Object.defineProperty(at, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

async function check<T extends [unknown, ...unknown[]]>(
  name: string,
  runs: number,
  seed: number,
  prop: fc.IAsyncPropertyWithHooks<T>,
): Promise<FuzzResult> {
  const r = await fc.check(prop, { numRuns: runs, seed, endOnFailure: true });
  if (!r.failed) return { name, runs: r.numRuns, failure: null };
  const why = r.errorInstance instanceof Error ? r.errorInstance.message : String(r.errorInstance);
  const example = JSON.stringify(r.counterexample)?.slice(0, 300) ?? "";
  return { name, runs: r.numRuns, failure: `${why.slice(0, 300)} (counterexample ${example})` };
}

/** Fails unless `e` is one of the expected input errors. */
function expectedError(t: FuzzTargets, e: unknown): void {
  if (!t.expected.some((c) => e instanceof c)) {
    throw new Error(`threw ${(e as Error)?.name}: ${(e as Error)?.message?.slice(0, 200)}`);
  }
}

/** SHA-256 of the manifest fuzzer's plugin file, `export default () => 1;\n`. */
const CODE_SHA256 = "8c82a9fbc4d25d149821309f8ad2a57ec49665d53b27fb39284e314603f9d3e8";

/** The report properties; `valid` is a sealed report as JSON text. */
export function fuzzReports(t: FuzzTargets, valid: string, runs = 300): Promise<FuzzResult>[] {
  const doc = JSON.parse(valid);
  const canonical = (v: unknown) => JSON.stringify(sortDeep(v));
  const original = canonical(doc);
  return [
    check(
      "report: a member planted anywhere is refused or changes nothing",
      runs,
      1901,
      fc.asyncProperty(
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.oneof(fc.string(), fc.constant("__proto__")),
        hostileValue(),
        async (path, key, value) => {
          const text = JSON.stringify(plant(doc, path, key, value));
          let accepted = false;
          try {
            await t.verifyReportText(text, "fuzz.json");
            accepted = true;
          } catch (e) {
            expectedError(t, e);
          }
          if (accepted && canonical(JSON.parse(text)) !== original) {
            throw new Error("accepted a report whose content differs from what was sealed");
          }
        },
      ),
    ),
    check(
      "report: any text is a report or an InvalidInputError",
      runs,
      1902,
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          hostileValue().map((v) => JSON.stringify(v)),
        ),
        async (text) => {
          try {
            await t.verifyReportText(text, "fuzz.json");
          } catch (e) {
            expectedError(t, e);
          }
        },
      ),
    ),
  ];
}

/** The config properties (files are written under `dir`). */
export function fuzzConfigs(t: FuzzTargets, dir: string, runs = 200): Promise<FuzzResult>[] {
  // Mostly valid configs with one value from outside at a place that reaches a command, a
  // socket or a timer: what the loader must catch is easier to reach than from pure noise.
  const host = fc.oneof(
    fc.constantFrom("-rf", "--help", "-f", "a b", "x\ny", "1.1.1.1", "example.com", "::1"),
    fc.string({ maxLength: 12 }),
  );
  const duration = fc.oneof(
    fc.constantFrom(2 ** 31, 2 ** 53, 1e308, 0, -1, 1000),
    fc.integer(),
    fc.double(),
  );
  const place = fc.oneof(
    host.map((v) => ({ ping: { anchors: [{ address: v }] } })),
    host.map((v) => ({ trace: { targets: [{ address: v }] } })),
    host.map((v) => ({ mtu: { targets: [{ address: v }] } })),
    host.map((v) => ({ tcp: { targets: [{ host: v, port: 80 }] } })),
    host.map((v) => ({ tls: { targets: [{ host: v }] } })),
    host.map((v) => ({ dns: { resolvers: [{ name: "r", address: v }] } })),
    duration.map((v) => ({ timeouts: { "dns.resolve": v } })),
    duration.map((v) => ({ dns: { timeoutMs: v } })),
    duration.map((v) => ({ tcp: { timeoutMs: v } })),
    duration.map((v) => ({ clock: { timeoutMs: v } })),
    fc.string().map((k) => ({ timeouts: { [k]: 1000 } })),
  );
  const config = fc.oneof(
    { weight: 4, arbitrary: place },
    {
      weight: 1,
      arbitrary: fc.tuple(place, hostileValue()).map(([p, noise]) => ({ ...p, noise })),
    },
    { weight: 1, arbitrary: hostileValue() },
  );
  let n = 0;
  return [
    check(
      "config: any file is a config with hosts and bounded durations, or an InvalidInputError",
      runs,
      1903,
      fc.asyncProperty(config, async (c) => {
        const file = join(dir, `c${n++}.json`);
        await Deno.writeTextFile(file, JSON.stringify(c) ?? "null");
        let loaded: { config: unknown };
        try {
          loaded = await t.loadConfigFile(file);
        } catch (e) {
          return expectedError(t, e);
        }
        const text = JSON.stringify(loaded.config);
        for (const m of text.matchAll(/"(address|host)":("(?:[^"\\]|\\.)*")/g)) {
          const v = JSON.parse(m[2]) as string;
          if (v.startsWith("-") || !/^[\p{L}\p{N}_.:%-]+$/u.test(v)) {
            throw new Error(`accepted ${m[1]} ${m[2]}`);
          }
        }
        for (const m of text.matchAll(/"(\w*[mM]s)":(-?[\d.e+-]+)/g)) {
          const ms = Number(m[2]);
          if (!(ms >= 1 && ms < 2 ** 31)) throw new Error(`accepted ${m[1]} = ${m[2]}`);
        }
        const timeouts = (loaded.config as { timeouts?: Record<string, unknown> }).timeouts ?? {};
        // The ids are checked against the plan (planProbes), which the loader does not see.
        for (const v of Object.values(timeouts)) {
          if (!(Number(v) >= 1 && Number(v) < 2 ** 31)) {
            throw new Error(`accepted a timeout of ${v}`);
          }
        }
      }),
    ),
  ];
}

/** The manifest properties (files are written under `dir`). */
export function fuzzManifests(t: FuzzTargets, dir: string, runs = 200): Promise<FuzzResult>[] {
  const opts = { unsigned: "allow", publicKeys: [], builtinIds: new Set(["dns.resolve"]) };
  // The plugin file's real hash is offered too, so a path that leaves the folder can be
  // accepted by a loader that does not check where it leads.
  const code = "export default () => 1;\n";
  // A valid manifest with one or two fields replaced: invalid ones must be refused, and a
  // path leaving the folder must never be accepted even with the right hash.
  const base = () => ({
    schema: "kiriwake.manifest/v1",
    publisher: { id: "t", name: "T" },
    probes: [{
      id: "t.a",
      title: { ja: "a", en: "a" },
      segment: "service",
      dataCategories: ["measurements"],
      module: { path: "p.ts", sha256: CODE_SHA256 },
    }],
  });
  const paths = fc.constantFrom(
    "../p.ts",
    "../up.ts",
    "link.ts",
    "/etc/passwd",
    "a/../../p.ts",
    "./p.ts",
  );
  type M = ReturnType<typeof base>;
  const edits: fc.Arbitrary<(m: M) => void>[] = [
    paths.map((v) => (m: M) => void (m.probes[0].module.path = v)),
    hostileValue().map((v) => (m: M) => void ((m.probes[0] as Record<string, unknown>).config = v)),
    hostileValue().map((v) => (m: M) => void ((m.probes[0] as Record<string, unknown>).id = v)),
    hostileValue().map((v) => (m: M) => void ((m.probes[0] as Record<string, unknown>).title = v)),
    hostileValue().map((v) => (m: M) =>
      void ((m.probes[0] as Record<string, unknown>).dependsOn = v)
    ),
    hostileValue().map((v) => (m: M) => void ((m as Record<string, unknown>).publisher = v)),
    hostileValue().map((v) => (m: M) => void ((m as Record<string, unknown>).probes = v)),
    fc.tuple(fc.string(), hostileValue()).map(([k, v]) => (m: M) =>
      Object.defineProperty(m.probes[0], k, { value: v, enumerable: true, configurable: true })
    ),
  ];
  const manifest = fc.array(fc.oneof(...edits), { minLength: 1, maxLength: 2 }).map((es) => {
    const m = base();
    for (const e of es) {
      try {
        e(m);
      } catch { /* an earlier edit took away what this one changes */ }
    }
    return m as unknown;
  });
  let n = 0;
  return [
    check(
      "manifest: any file is a manifest of files inside its folder, or one error",
      runs,
      1904,
      fc.asyncProperty(fc.oneof(manifest, hostileValue()), async (m) => {
        const sub = join(dir, `m${n++}`);
        await Deno.mkdir(sub);
        await Deno.writeTextFile(join(sub, "p.ts"), code);
        await Deno.writeTextFile(join(dir, "up.ts"), code);
        await Deno.symlink(join(dir, "up.ts"), join(sub, "link.ts")).catch(() => {});
        const file = join(sub, "manifest.json");
        await Deno.writeTextFile(file, JSON.stringify(m) ?? "null");
        let loaded: { plugins: { file: string }[] };
        try {
          loaded = await t.loadManifest(file, opts) as typeof loaded;
        } catch (e) {
          return expectedError(t, e);
        }
        const real = await Deno.realPath(sub);
        for (const p of loaded.plugins) {
          const at = await Deno.realPath(p.file);
          if (!at.startsWith(`${real}/`)) throw new Error(`accepted a plugin file outside: ${at}`);
        }
      }),
    ),
  ];
}

function sortDeep(v: unknown): unknown {
  // Small documents only (the sample report): recursion is fine here.
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v === null || typeof v !== "object") return v;
  const out: [string, unknown][] = Object.keys(v).sort().map((
    k,
  ) => [k, sortDeep((v as Record<string, unknown>)[k])]);
  return out;
}
