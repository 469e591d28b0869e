/**
 * The manifest contract `kiriwake.manifest/v1`: who publishes the plugins, and for each plugin
 * probe its id, titles, segment, data categories, timeout, dependencies, config, and either a
 * sandboxed `module` or a `command`. Strict: an unknown field is an error, never ignored.
 *
 * @module
 */
import { z } from "zod";
import { SEGMENTS } from "../probes/types.ts";
import { DATA_CATEGORIES } from "../util/data_categories.ts";
import { lexicallyInside } from "../util/path_within.ts";

/** The schema id every manifest carries. */
export const MANIFEST_SCHEMA_ID = "kiriwake.manifest/v1";
/** The most plugin probes one manifest may list. */
export const MAX_PLUGINS = 200;

const localized = z.object({ ja: z.string().min(1), en: z.string().min(1) }).strict();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "Must be 64 lowercase hex digits (SHA-256)");
/** A path inside the manifest's directory: never absolute, never empty, never through `..`. */
const relativePath = z.string().min(1).max(1024).refine(
  lexicallyInside,
  "Must be a path inside the manifest's directory (relative, without ..)",
);
const envName = z.string().regex(
  /^[A-Za-z_][A-Za-z0-9_]*$/,
  "Must be an environment variable name",
);
/** `host`, `host:port` or `[v6]:port`; no scheme, path or wildcard. */
const netTarget = z.string().regex(
  /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/,
  'Must be "host" or "host:port"',
);

/** A path or command for a permission list: Deno joins these with commas, so none may hold one. */
const permissionItem = z.string().min(1).refine(
  (s) => !s.includes(","),
  "Must not contain a comma",
);

/** Permissions a module plugin may use; everything not listed is denied. */
export const permissionsSchema = z.object({
  /** Hosts (`host` or `host:port`) it may connect to. */
  net: z.array(netTarget).default([]),
  /** Paths it may read; relative ones are relative to the manifest. */
  read: z.array(permissionItem).default([]),
  /** Paths it may write; relative ones are relative to the manifest. */
  write: z.array(permissionItem).default([]),
  /** Environment variables it may read. */
  env: z.array(envName).default([]),
  /** Commands it may run. */
  run: z.array(permissionItem).default([]),
}).strict();
/** Declared permissions, defaults applied. */
export type Permissions = z.infer<typeof permissionsSchema>;

/** A single-file TS/JS module run in a sandboxed Worker. */
export const moduleSchema = z.object({
  path: relativePath.refine(
    (p) => /\.(ts|js|mts|mjs)$/.test(p),
    "Must end in .ts, .js, .mts or .mjs",
  ),
  sha256,
  permissions: permissionsSchema.prefault({}),
}).strict();

/** An executable (any language) fed a JSON context on stdin, printing one JSON result. */
export const commandSchema = z.object({
  /** The file that is hashed and run (a copy of the verified bytes is what runs). */
  path: relativePath,
  sha256,
  /** Runs `interpreter… file args…` (e.g. `["sh"]`); without it the file itself is executed. */
  interpreter: z.array(z.string().min(1)).min(1).optional(),
  args: z.array(z.string()).default([]),
  /** Environment variables passed through; the command gets nothing else. */
  env: z.array(envName).default([]),
  /** Cap on stdout and stderr each. */
  maxOutputBytes: z.number().int().min(1024).max(16 * 1024 * 1024).default(1024 * 1024),
}).strict();

const idPart = "[a-z0-9][a-z0-9-]*";
/** One plugin probe. */
export const pluginEntrySchema = z.object({
  /** `<publisher id>.<name>`, e.g. `example-isp.portal`. */
  id: z.string().regex(
    new RegExp(`^${idPart}(\\.${idPart})+$`),
    'Must be dotted lowercase, e.g. "example-isp.portal"',
  ),
  title: localized,
  description: localized.optional(),
  segment: z.enum(SEGMENTS),
  /** Consent categories its result needs; it is skipped when one was refused. */
  dataCategories: z.array(z.enum(DATA_CATEGORIES)),
  timeoutMs: z.number().int().min(100).max(300_000).default(15_000),
  dependsOn: z.array(z.string().min(1)).default([]),
  platforms: z.array(z.enum(["windows", "darwin", "linux"])).min(1)
    .default(["windows", "darwin", "linux"]),
  /** Passed to the plugin as `ctx.config`. */
  config: z.record(z.string(), z.unknown()).default({}),
  module: moduleSchema.optional(),
  command: commandSchema.optional(),
}).strict().superRefine((e, ctx) => {
  if (!!e.module === !!e.command) {
    ctx.addIssue({ code: "custom", message: 'Needs exactly one of "module" or "command"' });
  }
});
/** A plugin entry, defaults applied. */
export type PluginEntry = z.infer<typeof pluginEntrySchema>;

/** The whole manifest. */
export const manifestSchema = z.object({
  $schema: z.string().optional(),
  schema: z.literal(MANIFEST_SCHEMA_ID),
  publisher: z.object({
    /** The namespace of every plugin id, and the `source` of their results. */
    id: z.string().regex(new RegExp(`^${idPart}$`), 'Must be lowercase, e.g. "example-isp"'),
    name: z.string().min(1),
    url: z.url().optional(),
  }).strict(),
  probes: z.array(pluginEntrySchema).min(1).max(MAX_PLUGINS),
}).strict();
/** A validated manifest. */
export type Manifest = z.infer<typeof manifestSchema>;
