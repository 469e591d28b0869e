/**
 * The run configuration: which targets each probe measures, which resolvers to ask,
 * timeouts and concurrency. Validated strictly by zod; every section has defaults so a
 * config file only names what it changes.
 *
 * @module
 */
import { z } from "zod";
import { throughputConfigSchema } from "../speed/config.ts";
import { checkSections } from "./config_checks.ts";
import { mtuConfigSchema, pingConfigSchema, traceConfigSchema } from "./config_paths.ts";

/** Segments a measured target can speak about. */
const targetSegment = z.enum(["isp", "internet", "service"]);

/** A DNS resolver to query directly. */
export const resolverSchema = z.object({
  /** Short name shown in reports, e.g. `provider` or `cloudflare`. */
  name: z.string().min(1),
  /** IPv4 or IPv6 address. */
  address: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(53),
  /** `provider`: the provider's own resolver; `public`: a public one for comparison. */
  kind: z.enum(["provider", "public"]).default("public"),
}).strict();

/** A TCP endpoint to connect to. */
export const tcpTargetSchema = z.object({
  name: z.string().min(1).optional(),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  segment: targetSegment.default("internet"),
}).strict();

/** An HTTP(S) URL whose phases are timed. */
export const httpTargetSchema = z.object({
  name: z.string().min(1).optional(),
  url: z.url({ protocol: /^https?$/ }),
  segment: targetSegment.default("internet"),
  /** The status that counts as healthy; any 2xx/3xx when absent. */
  expectStatus: z.number().int().min(100).max(599).optional(),
  /** Resolve the host through this named resolver instead of the system resolver. */
  resolver: z.string().optional(),
  /** PEM certificates of extra trusted CAs (from `caCertFile`, read at load). */
  caCerts: z.array(z.string()).optional(),
  /** A PEM file of extra trusted CAs, relative to the config file. */
  caCertFile: z.string().optional(),
}).strict();

/** The whole run configuration. */
export const runConfigSchema = z.object({
  $schema: z.string().optional(),
  schema: z.literal("kiriwake.config/v1").default("kiriwake.config/v1"),
  /** How many probes may run at once. */
  concurrency: z.number().int().min(1).max(32).default(4),
  /** Per-probe timeout overrides in milliseconds, by probe id. */
  timeouts: z.record(z.string(), z.number().int().positive()).default({}),
  /** Only these probes (and what they depend on) run, when given. */
  only: z.array(z.string()).optional(),
  /** These probes never run. */
  skip: z.array(z.string()).default([]),
  dns: z.object({
    /** Names resolved by `dns.resolve`. */
    names: z.array(z.string().min(1)).default([]),
    /** Also resolve through the operating system's resolver. */
    useSystemResolver: z.boolean().default(true),
    /** Resolvers queried directly. */
    resolvers: z.array(resolverSchema).default([]),
    /** A lookup slower than this is a warning. */
    slowMs: z.number().int().positive().default(300),
    /** Each lookup gives up after this long. */
    timeoutMs: z.number().int().positive().default(3000),
  }).strict().prefault({}),
  tcp: z.object({
    targets: z.array(tcpTargetSchema).default([]),
    timeoutMs: z.number().int().positive().default(3000),
    slowMs: z.number().int().positive().default(300),
  }).strict().prefault({}),
  http: z.object({
    targets: z.array(httpTargetSchema).default([]),
    timeoutMs: z.number().int().positive().default(8000),
    slowMs: z.number().int().positive().default(1500),
  }).strict().prefault({}),
  // Comparison and trust probes: dnsCompare, dualStack, captive, clock, tls (config_checks.ts).
  ...checkSections,
  // Path probes: ping anchors, route trace, path MTU (config_paths.ts).
  ping: pingConfigSchema.prefault({}),
  trace: traceConfigSchema.prefault({}),
  mtu: mtuConfigSchema.prefault({}),
  // Speed test servers, streams, durations and data budget (speed/config.ts).
  throughput: throughputConfigSchema,
}).strict();

/** A validated run configuration. */
export type RunConfig = z.infer<typeof runConfigSchema>;
/** A run configuration as written in a file, defaults not yet applied. */
export type RunConfigInput = z.input<typeof runConfigSchema>;
