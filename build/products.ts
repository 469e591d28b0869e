/**
 * What `deno task build` can build: the customer's kit and the provider's collector. Each
 * names its entry, the npm packages it may embed (everything else in `deno.json` — test
 * tools such as playwright-core, dns2, fast-check, pixelmatch — stays out of the binary),
 * and the modules it starts as Workers by URL, which `deno compile` must be told to embed.
 *
 * @module
 */

/** A product the build makes. */
export interface Product {
  /** The entry module, relative to the repository root. */
  entry: string;
  /** The npm packages this product imports at run time (names as in `deno.json`). */
  packages: readonly string[];
  /** Modules started as `new Worker(new URL(…))`, embedded with `--include`. */
  workers: readonly string[];
  /** Added to the brand id in the binary's name: `<brand>-collector-<target>`. */
  suffix: string;
  /**
   * Parts of npm packages the binary never loads, by package: left out to keep the download
   * small. A folder or file relative to the package, or a pattern of two stars, a slash, a
   * star and an ending (as in `NOT_RUN`) for every file with that ending anywhere in the
   * package: the build expands it, since `deno compile` takes no patterns for npm files.
   * Only what no runtime path reads.
   */
  trim: Readonly<Record<string, readonly string[]>>;
}

/**
 * The npm packages of the customer's kit: schemas, web view and speed server, plugin
 * transpiling, DNS messages on the wire.
 */
const KIT_PACKAGES = ["zod", "hono", "sucrase", "dns-packet"] as const;

/** Type declarations and source maps: read by editors and debuggers, never at run time. */
const NOT_RUN = ["**/*.d.ts", "**/*.d.cts", "**/*.d.mts", "**/*.map"] as const;

/** The build of a package for the module system the kit does not load it with. */
const COMMONJS = ["**/*.cjs"] as const;

/**
 * What of those packages stays out (about 6 MB of 10 in the packages): everywhere, type
 * declarations and source maps. zod: its TypeScript sources (only its `@zod/source` export
 * condition points there), its CommonJS build, and the v3 and mini APIs (the kit imports
 * classic v4, which imports neither). hono: its CommonJS build, the adapters for other
 * runtimes, the middleware (the kit writes its own guards), the helpers and routers it does not
 * import (the kit imports hono, cookie, html, http-exception, jsx, route and streaming; a scan
 * of their imports reaches only the helpers kept). sucrase has no `exports`, so its CommonJS
 * `main` is what loads: its ESM build stays out, and of the `@jridgewell` packages it requires
 * only the UMD builds load (their ESM builds and TypeScript sources stay out).
 */
const KIT_TRIM = {
  zod: ["src", "v3", "v4/mini", "mini", "v4-mini", ...COMMONJS, ...NOT_RUN],
  hono: [
    "dist/types",
    "dist/cjs",
    "dist/adapter",
    "dist/middleware",
    "dist/preset",
    "dist/client",
    "dist/validator",
    ...["accepts", "adapter", "conninfo", "css", "dev", "factory", "proxy", "ssg", "testing"]
      .map((h) => `dist/helper/${h}`),
    "dist/helper/websocket",
    "dist/router/linear-router",
    "dist/router/pattern-router",
    "dist/utils/jwt",
    ...NOT_RUN,
  ],
  sucrase: ["dist/types", "dist/esm", ...NOT_RUN],
  "@jridgewell/gen-mapping": ["src", "types", "**/*.mjs", ...NOT_RUN],
  "@jridgewell/resolve-uri": ["**/*.mjs", ...NOT_RUN],
  "@jridgewell/sourcemap-codec": ["src", "types", "**/*.mjs", ...NOT_RUN],
  "@jridgewell/trace-mapping": ["src", "types", "**/*.mjs", ...NOT_RUN],
  "ts-interface-checker": NOT_RUN,
  "dns-packet": NOT_RUN,
} as const;

/** Every product, by name. */
export const PRODUCTS = {
  /** The customer's kit (and the support desk's viewer): `kiriwake-<target>`. */
  kit: {
    entry: "main.ts",
    packages: KIT_PACKAGES,
    // The speed server's extra listeners. Plugin Workers start from `data:` URLs and need
    // nothing here; their source (plugins/worker_main.ts) is a static import.
    workers: ["speed/server_worker.ts"],
    suffix: "",
    trim: KIT_TRIM,
  },
  /**
   * The provider's build: the kit plus `kiriwake collector` and its PostgreSQL drivers
   * (PGlite embedded, postgres.js for a server). Packages not yet in `deno.json` are left
   * out until the collector adds them.
   */
  collector: {
    entry: "collector_main.ts",
    packages: [...KIT_PACKAGES, "@electric-sql/pglite", "postgres"],
    workers: ["speed/server_worker.ts"],
    suffix: "-collector",
    trim: KIT_TRIM,
  },
} as const satisfies Record<string, Product>;

/** A product's name. */
export type ProductName = keyof typeof PRODUCTS;
