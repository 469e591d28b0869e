/**
 * Run-configuration sections of the comparison and trust probes (`dns.compare`,
 * `ipv6.compare`, `http.captive`, `system.clock`, `tls.inspect`), spread into the run config
 * schema as one block. Like every section, they default to measuring nothing: a config measures only
 * what it lists (the brand's default config lists public endpoints), so a test config can
 * never send traffic beyond what it names.
 *
 * @module
 */
import { z } from "zod";

const port = z.number().int().min(1).max(65535);
const ms = z.number().int().positive();

/** A public resolver `dns.compare` measures the configured ones against. */
export const publicResolverSchema = z.object({
  name: z.string().min(1),
  address: z.string().min(1),
  port: port.default(53),
}).strict();

/** A dual-stack target of `ipv6.compare`. */
export const dualStackTargetSchema = z.object({
  name: z.string().min(1).optional(),
  url: z.url({ protocol: /^https?$/ }),
  /** Use this IPv4 address instead of resolving the host (pinned endpoints, tests). */
  v4: z.string().min(1).optional(),
  /** Use this IPv6 address instead of resolving the host. */
  v6: z.string().min(1).optional(),
}).strict();

/** A TLS endpoint whose certificate chain `tls.inspect` checks. */
export const tlsTargetSchema = z.object({
  host: z.string().min(1),
  port: port.default(443),
  /** SNI name when `host` is an address. */
  servername: z.string().min(1).optional(),
  /** Substrings of which one must appear in the chain's issuer names (e.g. `Google Trust Services`). */
  expectIssuer: z.array(z.string().min(1)).default([]),
  /** SHA-256 fingerprints (hex, colons optional) of which one must be in the chain. */
  expectFingerprints: z.array(z.string().min(1)).default([]),
}).strict();

/** The sections, spread into `runConfigSchema`. */
export const checkSections = {
  dnsCompare: z.object({
    publicResolvers: z.array(publicResolverSchema).default([]),
    /** Names to compare; none: the probe is skipped. */
    names: z.array(z.string().min(1)).default([]),
    /** Port of the configured resolvers (they are listed without one); tests use another. */
    configuredPort: port.default(53),
    /** A resolver whose median lookup is slower than this is slow. */
    slowMs: ms.default(300),
    timeoutMs: ms.default(2000),
  }).strict().prefault({}),
  dualStack: z.object({
    targets: z.array(dualStackTargetSchema).default([]),
    timeoutMs: ms.default(5000),
  }).strict().prefault({}),
  captive: z.object({
    /** The URL that answers `expectStatus` when there is no portal; none: skipped. */
    url: z.url({ protocol: /^https?$/ }).optional(),
    expectStatus: z.number().int().min(100).max(599).default(204),
    timeoutMs: ms.default(5000),
  }).strict().prefault({}),
  clock: z.object({
    urls: z.array(z.url({ protocol: /^https?$/ })).default([]),
    /** Skew beyond this is a warning; beyond `failSkewMs` TLS and logins start to break. */
    warnSkewMs: ms.default(30_000),
    failSkewMs: ms.default(300_000),
    timeoutMs: ms.default(5000),
  }).strict().prefault({}),
  tls: z.object({
    targets: z.array(tlsTargetSchema).default([]),
    timeoutMs: ms.default(5000),
  }).strict().prefault({}),
};
