/**
 * One watch sample as the history keeps it: what each measured point answered (a gateway, a
 * provider host, a resolver, an anchor), the Wi-Fi link, the addresses, and now and then a
 * throughput sample. Small on purpose: a month at a 10-minute interval must fit in a few
 * megabytes. Identifiers are masked (or kept, with consent) before a sample is made; their
 * changes are seen through keyed tags (`tags.ts`), never through the values.
 *
 * @module
 */
import { z } from "zod";
import { WATCH_SEGMENTS } from "../report/watch_schema.ts";

/** A segment a watch samples. */
export type WatchSegment = typeof WATCH_SEGMENTS[number];

/** What one point answered in one sample. */
export const readingSchema = z.object({
  /** Stable across samples: `gateway:4`, `hop:2`, `on-net:portal`, `tcp:www`, `ping:anchor`, `dns:provider`. */
  key: z.string().min(1),
  segment: z.enum(WATCH_SEGMENTS),
  kind: z.enum(["ping", "tcp", "dns"]),
  /**
   * Where on the path it is: `gateway`, a provider `hop` or `on-net` host, an `anchor` or
   * `target` beyond; for DNS the resolver's kind (`system`, `provider`, `public`).
   */
  role: z.enum(["gateway", "hop", "on-net", "anchor", "target", "system", "provider", "public"]),
  /** A name or address for people (masked when identifiers were refused). */
  label: z.string(),
  /** Attempts made (echoes, connects, lookups). */
  sent: z.number().int().nonnegative(),
  /** Attempts without a (good) answer. */
  lost: z.number().int().nonnegative(),
  /** Median time of the answered attempts, ms; null when none answered. */
  rttMs: z.number().nonnegative().nullable(),
  /** DNS only: answers by response code, e.g. `{ NOERROR: 2, SERVFAIL: 1, timeout: 1 }`. */
  rcodes: z.record(z.string(), z.number().int()).optional(),
}).strict();
/** One point's reading. */
export type Reading = z.infer<typeof readingSchema>;

/** The Wi-Fi link in a sample; identifiers as labels (maybe masked) and tags. */
export const wifiSchema = z.object({
  connected: z.boolean(),
  /** The network's name, or `[redacted:ssid]`. */
  ssid: z.string().nullable(),
  /** Keyed tags of the SSID and BSSID: equal tags, same value (tags.ts). */
  ssidTag: z.string().nullable(),
  bssidTag: z.string().nullable(),
  /** The access point, or `[redacted:bssid]`. */
  bssid: z.string().nullable(),
  band: z.string().nullable(),
  channel: z.number().nullable(),
  rssiDbm: z.number().nullable(),
}).strict();
/** The Wi-Fi link in a sample. */
export type WifiReading = z.infer<typeof wifiSchema>;

/** The device's addresses that matter to the line: global ones and the gateways. */
export const addressesSchema = z.object({
  /** Keyed tag of the sorted list below: equal tags, same addresses. */
  tag: z.string(),
  /** Global addresses and gateways as `family address` lines (masked when refused). */
  list: z.array(z.string()),
}).strict();
/** The addresses in a sample. */
export type AddressesReading = z.infer<typeof addressesSchema>;

/** A throughput sample. */
export const throughputSchema = z.object({
  downMbps: z.number().nullable(),
  upMbps: z.number().nullable(),
  bytes: z.number().int().nonnegative(),
}).strict();
/** A throughput sample. */
export type ThroughputReading = z.infer<typeof throughputSchema>;

/** One sample. */
export interface Sample {
  /** When it started (ms since the epoch). */
  at: number;
  durationMs: number;
  readings: Reading[];
  wifi: WifiReading | null;
  addresses: AddressesReading | null;
  throughput: ThroughputReading | null;
  /** The access type `isp.access` inferred (first sample only), e.g. `pppoe`. */
  accessType?: string | null;
}
