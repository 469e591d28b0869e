/**
 * The pin of the collector's TLS certificate, checked on the chain the server presented.
 *
 * Two kinds, as the brand names them (`brand.collector.pin`):
 * - `caCerts`: the connection is verified against these CA certificates *instead of* the
 *   system's roots (`node:tls` `ca`, which replaces the default store — unlike
 *   `Deno.createHttpClient({ caCerts })`, which adds to it and so pins nothing), and the
 *   verified chain must contain one of them (checked again here by SHA-256 fingerprint, so
 *   a runtime that merged the roots would still not let another CA through);
 * - `spkiSha256`: some certificate of the chain (leaf, intermediate or root) must carry a
 *   public key whose SubjectPublicKeyInfo hashes to one of these (base64 SHA-256, as HPKP).
 *
 * When both are given both must hold.
 *
 * @module
 */
import type { TLSSocket } from "node:tls";
import { certSha256, spkiSha256 } from "../../util/crypto.ts";

/** A certificate pin. */
export interface TlsPin {
  /** PEM CA certificates the chain must end at. */
  caCerts: readonly string[];
  /** Base64 SHA-256 of SubjectPublicKeyInfo, one of which the chain must carry. */
  spkiSha256: readonly string[];
}

/**
 * The DER certificates a connected socket presented and verified, leaf first (the root
 * included when the runtime reports it).
 */
export function presentedChain(sock: TLSSocket): Uint8Array[] {
  const out: Uint8Array[] = [];
  const seen = new Set<string>();
  // deno-lint-ignore no-explicit-any
  let c: any = sock.getPeerCertificate(true);
  while (c && c.raw && out.length < 12 && !seen.has(c.fingerprint256)) {
    seen.add(c.fingerprint256);
    out.push(new Uint8Array(c.raw));
    c = c.issuerCertificate;
  }
  return out;
}

/**
 * Why `chain` does not satisfy `pin` (English, for the customer's message and logs), or
 * null when it does.
 *
 * @example
 * ```ts ignore
 * await pinProblem(presentedChain(sock), brand.collector.pin); // null: the pin holds
 * ```
 */
export async function pinProblem(
  chain: readonly Uint8Array[],
  pin: TlsPin,
): Promise<string | null> {
  if (chain.length === 0) return "the server presented no certificate";
  if (pin.caCerts.length > 0) {
    const pinned = new Set(await Promise.all(pin.caCerts.map((p) => certSha256(p))));
    const found = await Promise.all(chain.map((c) => certSha256(c)));
    if (!found.some((f) => pinned.has(f))) {
      return "the certificate chain does not end at the provider's pinned CA";
    }
  }
  if (pin.spkiSha256.length > 0) {
    const pinned = new Set(pin.spkiSha256);
    const found = await Promise.all(chain.map((c) => spkiSha256(c)));
    if (!found.some((f) => pinned.has(f))) {
      return "no certificate of the chain carries the provider's pinned public key";
    }
  }
  return null;
}
