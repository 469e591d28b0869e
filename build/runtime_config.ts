/**
 * The configuration a build compiles from: `deno.json` with only the runtime npm packages in
 * its import map, and `deno.lock` cut down to those packages and what they depend on.
 *
 * Why both: `deno compile` embeds every npm package of the lockfile it resolves with, not
 * only those the entry imports, so a lockfile that also pins the test tools (playwright-core
 * alone is 13 MB) puts them into the customer's binary. Cutting the committed lockfile keeps
 * its integrity hashes: the build compiles with `--frozen`, so a package the runtime needs but
 * the cut lockfile lacks fails the build instead of being fetched unchecked.
 *
 * @module
 */

/** The parts of a lockfile (version 5) a build uses. */
export interface Lockfile {
  version: string;
  /** Import specifier (`npm:zod@4.6.7`) → resolved version (`4.6.7`, maybe with peers). */
  specifiers?: Record<string, string>;
  /** `name@version` → integrity and dependencies (names, or `name@version` when ambiguous). */
  npm?: Record<string, { integrity?: string; dependencies?: string[]; [k: string]: unknown }>;
  workspace?: { dependencies?: string[]; [k: string]: unknown };
  [k: string]: unknown;
}

/** An npm specifier taken apart: `npm:/hono@4.13.19/` → `hono`, `4.13.19`. */
export interface NpmSpecifier {
  name: string;
  /** The version requirement as written, `""` when none. */
  req: string;
}

/**
 * Parses an `npm:` import target.
 *
 * @returns null for anything that is not an `npm:` specifier
 * @example
 * ```ts
 * parseNpmSpecifier("npm:@electric-sql/pglite@0.5.17"); // { name: "@electric-sql/pglite", req: "0.5.17" }
 * ```
 */
export function parseNpmSpecifier(target: string): NpmSpecifier | null {
  const m = target.match(/^npm:\/?((?:@[^/@]+\/)?[^/@]+)(?:@([^/]+))?(?:\/.*)?$/);
  return m ? { name: m[1], req: m[2] ?? "" } : null;
}

/**
 * The import map entries a product may resolve: entries that are not npm packages, and npm
 * entries whose package is in `packages`.
 */
export function runtimeImports(
  imports: Record<string, string>,
  packages: readonly string[],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(imports).filter(([, target]) => {
      const npm = parseNpmSpecifier(target);
      return npm === null || packages.includes(npm.name);
    }),
  );
}

/**
 * Cuts `lock` down to the npm packages `imports` names and everything they depend on.
 *
 * @throws {Error} when the lockfile lacks a package the imports name (run `deno install`)
 */
export function runtimeLock(lock: Lockfile, imports: Record<string, string>): Lockfile {
  const npm = lock.npm ?? {};
  const specifiers: Record<string, string> = {};
  const keep = new Set<string>();
  const queue: string[] = [];
  const add = (key: string, from: string) => {
    if (!(key in npm)) {
      throw new Error(`deno.lock has no npm entry "${key}" (needed by ${from}); run deno install`);
    }
    if (!keep.has(key)) {
      keep.add(key);
      queue.push(key);
    }
  };
  for (const target of Object.values(imports)) {
    const spec = parseNpmSpecifier(target);
    if (!spec) continue;
    const key = `npm:${spec.name}${spec.req ? `@${spec.req}` : ""}`;
    const resolved = lock.specifiers?.[key];
    if (resolved === undefined) {
      throw new Error(`deno.lock has no specifier "${key}"; run deno install`);
    }
    specifiers[key] = resolved;
    add(`${spec.name}@${resolved}`, key);
  }
  while (queue.length > 0) {
    const key = queue.pop()!;
    for (const dep of npm[key].dependencies ?? []) add(dependencyKey(dep, npm, key), key);
  }
  const names = new Set(
    Object.values(imports).map((t) => parseNpmSpecifier(t)?.name).filter((n) => n !== undefined),
  );
  const cut: Lockfile = {
    version: lock.version,
    specifiers: sortKeys(specifiers),
    npm: sortKeys(Object.fromEntries([...keep].map((k) => [k, npm[k]]))),
  };
  if (lock.workspace) {
    cut.workspace = {
      ...lock.workspace,
      dependencies: (lock.workspace.dependencies ?? []).filter((d) => {
        const spec = parseNpmSpecifier(d);
        return spec === null || names.has(spec.name);
      }),
    };
  }
  return cut;
}

/** The npm entry a dependency names: `name@version` as is, a bare name if it is unique. */
function dependencyKey(dep: string, npm: NonNullable<Lockfile["npm"]>, from: string): string {
  if (dep.lastIndexOf("@") > 0) return dep;
  const matches = Object.keys(npm).filter((k) => k.startsWith(`${dep}@`));
  if (matches.length !== 1) {
    throw new Error(`deno.lock: dependency "${dep}" of ${from} matches ${matches.length} entries`);
  }
  return matches[0];
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}

/** The npm packages (`name@version`) a cut lockfile holds, sorted: what a binary embeds. */
export function lockPackages(lock: Lockfile): string[] {
  return Object.keys(lock.npm ?? {}).map((k) => k.replace(/_.*$/, "")).sort();
}
