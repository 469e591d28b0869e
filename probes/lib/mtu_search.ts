/**
 * Path MTU search by Don't-Fragment probes: a binary search between the smallest and the
 * largest MTU, jumping to the MTU a "fragmentation needed" answer quotes. A probe that
 * vanishes without any answer is tried once more; if it vanishes again it counts as too big
 * and marks a PMTU black hole (a router drops big packets without telling anyone, which
 * stalls large downloads while small pages work). Pure: the probe is injected.
 *
 * @module
 */
import type { Localized } from "../../util/text.ts";

/** What one Don't-Fragment probe of a given MTU found. */
export type MtuOutcome =
  | { kind: "fits" }
  | { kind: "too-big"; mtu: number | null }
  | { kind: "silent" }
  | { kind: "unreachable"; reason: Localized };

/** One probe of the search, as recorded. */
export interface MtuStep {
  mtu: number;
  outcome: "fits" | "too-big" | "silent";
  /** The MTU a "fragmentation needed" / "packet too big" message quoted. */
  quotedMtu: number | null;
}

/** The result of a search. */
export interface MtuSearch {
  /** The largest MTU that got through; null when even the smallest did not. */
  pathMtu: number | null;
  /** True when the largest MTU tried got through: the path MTU is at least that. */
  atLeast: boolean;
  /** Probes larger than the path MTU vanished without a "fragmentation needed" answer. */
  blackHole: boolean;
  /** The last MTU a router or the local stack quoted. */
  quotedMtu: number | null;
  steps: MtuStep[];
  /** Why nothing was measured, when the target could not be reached at all. */
  reason?: Localized;
}

/**
 * Searches the path MTU in `[min, max]` with `probe`.
 *
 * @example
 * ```ts
 * const r = await searchMtu(async (m) => m <= 1454 ? { kind: "fits" } : { kind: "too-big", mtu: 1454 }, 576, 1500);
 * r.pathMtu; // 1454
 * ```
 */
export async function searchMtu(
  probe: (mtu: number) => Promise<MtuOutcome>,
  min: number,
  max: number,
): Promise<MtuSearch> {
  const steps: MtuStep[] = [];
  let quotedMtu: number | null = null;
  const test = async (mtu: number): Promise<MtuOutcome> => {
    let o = await probe(mtu);
    // One silent answer may be ordinary loss; two in a row at the same size are not.
    if (o.kind === "silent") o = await probe(mtu);
    if (o.kind !== "unreachable") {
      const quoted = o.kind === "too-big" ? o.mtu : null;
      if (quoted) quotedMtu = quoted;
      steps.push({ mtu, outcome: o.kind, quotedMtu: quoted });
    }
    return o;
  };
  const result = (pathMtu: number | null, atLeast = false, reason?: Localized): MtuSearch => ({
    pathMtu,
    atLeast,
    blackHole: pathMtu !== null && steps.some((s) => s.outcome === "silent" && s.mtu > pathMtu),
    quotedMtu,
    steps,
    ...(reason ? { reason } : {}),
  });
  const base = await test(min);
  if (base.kind === "unreachable") return result(null, false, base.reason);
  if (base.kind !== "fits") {
    return result(null, false, {
      ja: `最小の ${min} バイトでも応答がありません`,
      en: `No answer even at the smallest size (${min} bytes)`,
    });
  }
  const top = await test(max);
  if (top.kind === "fits") return result(max, true);
  if (top.kind === "unreachable") return result(null, false, top.reason);
  let lo = min;
  let hi = max;
  let hint = top.kind === "too-big" ? top.mtu : null;
  while (hi - lo > 1) {
    // A quoted MTU inside the range is tried first; once it fits, one more byte settles it.
    const mid = hint !== null && hint > lo && hint < hi ? hint : Math.floor((lo + hi) / 2);
    const o = await test(mid);
    if (o.kind === "unreachable") return result(null, false, o.reason);
    if (o.kind === "fits") {
      lo = mid;
      hint = mid === hint ? mid + 1 : hint;
    } else {
      hi = mid;
      if (o.kind === "too-big" && o.mtu !== null) hint = o.mtu;
    }
  }
  return result(lo);
}
