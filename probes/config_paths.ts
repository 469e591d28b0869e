/**
 * Run configuration of the path probes: ping anchors (`internet.ping`, `lan.gateway.ping`),
 * the route trace targets (`path.trace`) and the path MTU targets (`path.mtu`), spread into
 * the run config schema as the `ping`, `trace` and `mtu` sections. Like every section they
 * measure nothing by default: a config measures only what it lists, and the brand's default
 * config (`brand/brand.ts`) lists public anchors, so a test config can
 * never send traffic beyond what it names (nor ping the machine's real gateway).
 *
 * @module
 */
import { z } from "zod";
import { hostSchema } from "../util/host_name.ts";

/** A host to ping, trace or probe for its MTU. */
export const pathTargetSchema = z.object({
  /** Short name shown in reports, e.g. `cloudflare`. */
  name: z.string().min(1).optional(),
  /**
   * An IP address (or a host name, resolved by the OS's own tools). Never anything that a
   * command could read as an option: it is passed to ping and traceroute as an argument.
   */
  address: hostSchema(),
  /** 4 or 6; taken from the address when it is a literal, else 4. */
  family: z.union([z.literal(4), z.literal(6)]).optional(),
}).strict();

/** A configured path target. */
export type PathTarget = z.infer<typeof pathTargetSchema>;

/** `ping`: anchors and thresholds of `internet.ping` and `lan.gateway.ping`. */
export const pingConfigSchema = z.object({
  /** Where `internet.ping` pings; none: the probe is skipped. */
  anchors: z.array(pathTargetSchema).default([]),
  /** Whether `lan.gateway.ping` pings the default gateways `net.gateway` finds. */
  gateways: z.boolean().default(false),
  /**
   * Whether `lan.gateway.ping` also sends near-MTU echoes with Don't Fragment beside the
   * small ones, so loss of large frames only (a poor Wi-Fi) shows.
   */
  gatewayLarge: z.boolean().default(true),
  /**
   * The provider's own hosts (on-net, e.g. its portal or speed server), pinged by `isp.ping`
   * beside the gateway and the anchors, so loss can be placed on the access line, in the
   * provider's network or beyond it.
   */
  provider: z.array(pathTargetSchema).default([]),
  /**
   * How many hops beyond the router `isp.ping` finds (by TTL-limited echoes towards the
   * first anchor of each family) and pings; hops after the first count only while their
   * addresses are not public. 0 (the default, as every section measures only what its
   * config names): none.
   */
  providerHops: z.number().int().min(0).max(4).default(0),
  /**
   * Extra time `path.loss` may spend pinging every point again when the loss it saw cannot
   * be judged yet (an interval that straddles the healthy limit); 0: never measure more.
   */
  adaptiveBudgetMs: z.number().int().min(0).max(10_000).default(10_000),
  /** Echo requests per target. */
  count: z.number().int().min(1).max(100).default(10),
  /** Interval between requests on Linux (macOS and Windows allow only 1 s without admin). */
  intervalMs: z.number().int().min(200).max(10_000).default(200),
  /** How long to wait for each reply. */
  waitMs: z.number().int().min(100).max(10_000).default(1000),
  /** Loss above this is a warning. */
  lossWarnPercent: z.number().min(0).max(100).default(5),
  /** Average RTT to the default gateway above this is a warning. */
  lanRttWarnMs: z.number().positive().default(20),
  /** Average RTT to an internet anchor above this is a warning. */
  internetRttWarnMs: z.number().positive().default(150),
  /** Jitter (mean |ΔRTT| of consecutive replies) above this is a warning. */
  jitterWarnMs: z.number().positive().default(30),
}).strict();

/** `trace`: the mtr-style route trace of `path.trace`. */
export const traceConfigSchema = z.object({
  /** Where `path.trace` traces to; none: the probe is skipped. */
  targets: z.array(pathTargetSchema).default([]),
  /** Complete traces per target; per-hop loss is counted over all of them. */
  rounds: z.number().int().min(1).max(10).default(3),
  /** Probes per hop in each round (Linux, macOS; Windows tracert always sends 3). */
  probesPerHop: z.number().int().min(1).max(10).default(3),
  maxHops: z.number().int().min(1).max(64).default(20),
  /** How long to wait for each probe. */
  waitMs: z.number().int().min(200).max(10_000).default(1000),
}).strict();

/** `mtu`: the don't-fragment ping search of `path.mtu`. */
export const mtuConfigSchema = z.object({
  /** Where `path.mtu` probes; none: the probe is skipped. */
  targets: z.array(pathTargetSchema).default([]),
  /** The largest MTU tried; a path that carries it is reported as at least this. */
  maxMtu: z.number().int().min(1280).max(9000).default(1500),
  /** The smallest IPv4 MTU tried (IPv6 never goes below 1280). */
  minMtu4: z.number().int().min(68).max(1500).default(576),
  /** How long to wait for each reply. */
  waitMs: z.number().int().min(200).max(10_000).default(1000),
}).strict();
