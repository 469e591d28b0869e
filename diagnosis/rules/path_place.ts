/**
 * Where a hop of a route trace sits: the home router and anything before it is the `lan`;
 * the first hop beyond it is the provider's edge (`isp`), and so are the private or CGNAT
 * addresses right after it (the provider's own network); the first public address and
 * everything after it is the `internet`. An inference, as any reading of a trace is.
 *
 * @module
 */
import { ipScope } from "../../util/ip_scope.ts";
import type { Location } from "./rule.ts";
import { str } from "./shape.ts";

/** A hop as `path.trace` records it. */
export interface Hop {
  ttl: number;
  addresses: string[];
}

/** The place of each TTL of `hops`, given the gateway addresses. */
export function hopPlaces(
  hops: readonly Hop[],
  gateways: readonly string[],
): Map<number, Location> {
  const places = new Map<number, Location>();
  const gwHop = hops.find((h) => h.addresses.some((a) => gateways.includes(a)))?.ttl ?? 1;
  let publicSeen = false;
  for (const h of [...hops].sort((a, b) => a.ttl - b.ttl)) {
    if (h.ttl <= gwHop) {
      places.set(h.ttl, "lan");
      continue;
    }
    const scope = scopeOf(h.addresses[0]);
    if (h.ttl > gwHop + 1 && (scope === "global" || scope === "ula")) publicSeen = true;
    places.set(h.ttl, publicSeen ? "internet" : "isp");
  }
  return places;
}

function scopeOf(address: unknown): string | null {
  const a = str(address);
  if (!a) return null;
  try {
    return ipScope(a);
  } catch {
    return null;
  }
}
