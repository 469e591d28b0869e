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
   * Parts of npm packages the binary never loads, by package: left out (`--exclude`) to keep
   * the download small. Only what no runtime path reads: TypeScript sources and type
   * declarations, and the build for the other module system.
   */
  trim: Readonly<Record<string, readonly string[]>>;
}

/**
 * The npm packages of the customer's kit: schemas, web view and speed server, plugin
 * transpiling, DNS messages on the wire.
 */
const KIT_PACKAGES = ["zod", "hono", "sucrase", "dns-packet"] as const;

/**
 * What of those packages stays out (about 4.6 MB): zod's TypeScript sources (only its
 * `@zod/source` export condition points there) and its v3 API (the kit imports v4); hono's
 * declarations and its CommonJS build (the kit imports its ESM build); sucrase's declarations
 * and its ESM build (it has no `exports`, so its CommonJS `main` is what loads).
 */
const KIT_TRIM = {
  zod: ["src", "v3"],
  hono: ["dist/types", "dist/cjs"],
  sucrase: ["dist/types", "dist/esm"],
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
