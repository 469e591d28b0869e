/**
 * The same consent and redaction rules as reports, applied to each sample before it is
 * stored: with `identifiers` refused, every identifier the probes declared (SSID, BSSID, MACs,
 * public addresses, host and user names) is masked in every string, exactly as in a report.
 * Changes are still seen — the Wi-Fi roamed, the addresses changed — through keyed tags: a
 * truncated HMAC under a random key kept beside the history, never the value. Tags stay on
 * the device; reports carry only the events they make.
 *
 * @module
 */
import { join } from "node:path";
import { hex, hmacSha256Hex } from "../util/crypto.ts";
import { atomicWrite } from "../util/atomic_write.ts";
import { type Identifier, redact } from "../util/redact.ts";
import type { RawSample } from "./extract.ts";
import type { Sample } from "./sample.ts";

/** What masking needs to know. */
export interface PrivacyPolicy {
  /** Data categories refused; only `identifiers` changes anything here. */
  refused: readonly string[];
  /** Identifiers of this machine and of this sample's probes. */
  identifiers: readonly Identifier[];
  /** The key of the tags (see {@link loadTagKey}). */
  tagKey: Uint8Array;
}

/**
 * Masks `raw` and tags its identifiers, making the sample the store keeps.
 *
 * @example
 * ```ts
 * import { finishSample } from "./privacy.ts";
 * const raw = { readings: [], wifi: null, addresses: ["gw4 192.0.2.1"], throughput: null, accessType: null };
 * const s = await finishSample(raw, { at: 0, durationMs: 5 }, {
 *   refused: ["identifiers"],
 *   identifiers: [{ kind: "public-ip", value: "192.0.2.1" }],
 *   tagKey: new Uint8Array(32),
 * });
 * s.addresses?.list; // ["gw4 [redacted:public-ip]"]
 * ```
 */
export async function finishSample(
  raw: RawSample,
  timing: { at: number; durationMs: number },
  policy: PrivacyPolicy,
): Promise<Sample> {
  const tag = async (kind: string, v: string | null) =>
    v === null ? null : (await hmacSha256Hex(policy.tagKey, `${kind}\n${v}`)).slice(0, 16);
  const ids: Identifier[] = [...policy.identifiers];
  if (raw.wifi?.ssid) ids.push({ kind: "ssid", value: raw.wifi.ssid });
  if (raw.wifi?.bssid) ids.push({ kind: "bssid", value: raw.wifi.bssid });
  const sample: Sample = {
    at: timing.at,
    durationMs: timing.durationMs,
    readings: raw.readings,
    wifi: raw.wifi
      ? {
        ...raw.wifi,
        ssidTag: await tag("ssid", raw.wifi.ssid),
        bssidTag: await tag("bssid", raw.wifi.bssid),
      }
      : null,
    addresses: raw.addresses
      ? { tag: (await tag("addresses", raw.addresses.join("\n")))!, list: raw.addresses }
      : null,
    throughput: raw.throughput,
    accessType: raw.accessType,
  };
  // Tags are hex and never match an identifier, so masking after tagging leaves them be.
  return redact(sample, { refused: policy.refused, identifiers: ids }).value;
}

/**
 * Reads the tag key from `dir/tag.key`, making a random one (owner-only) the first time.
 * Requires `--allow-read` and `--allow-write` of `dir`.
 */
export async function loadTagKey(dir: string): Promise<Uint8Array> {
  const file = join(dir, "tag.key");
  try {
    const text = (await Deno.readTextFile(file)).trim();
    if (/^[0-9a-f]{64}$/.test(text)) {
      return new Uint8Array(text.match(/../g)!.map((b) => parseInt(b, 16)));
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  const key = crypto.getRandomValues(new Uint8Array(32));
  await Deno.mkdir(dir, { recursive: true });
  await atomicWrite(file, hex(key) + "\n", 0o600);
  return key;
}
