/**
 * Path MTU search by Don't-Fragment probes: a binary search between the smallest and the
 * largest MTU, jumping to the MTU a "fragmentation needed" answer quotes.
 *
 * A size that gets no answer at all is tried again with several echoes: random loss takes
 * single echoes of any size, a black hole takes every echo over its size. The first size that
 * stays silent is then checked: it and the largest size known to fit are repeated at once,
 * and only when the silent size is lost significantly more often (`size_loss.ts`) is it
 * consistent size failure — a black hole (a router drops big packets without telling anyone,
 * which stalls large downloads while small pages work). Otherwise it was random loss: a
 * size that got through in the check fits, and the search goes on. Pure: the probe is
 * injected.
 *
 * @module
 */
import type { Rate } from "../../util/stats.ts";
import type { Localized } from "../../util/text.ts";
import { judgeSize } from "./size_loss.ts";

/** What Don't-Fragment echoes of one size found (`sent`/`received` when counted). */
export type MtuOutcome =
  | { kind: "fits"; sent?: number; received?: number }
  | { kind: "too-big"; mtu: number | null }
  | { kind: "silent"; sent?: number }
  | { kind: "unreachable"; reason: Localized };

/** Sends `count` Don't-Fragment echoes of `mtu` bytes. */
export type MtuProbe = (mtu: number, count: number) => Promise<MtuOutcome>;

/** One size of the search, as recorded. */
export interface MtuStep {
  mtu: number;
  outcome: "fits" | "too-big" | "silent";
  /** The MTU a "fragmentation needed" / "packet too big" message quoted. */
  quotedMtu: number | null;
  /** Echoes sent at this size (first try and repeats); absent when not counted. */
  sent?: number;
}

/** The check that tells a black hole from random loss. */
export interface SizeCheck {
  /** The smallest size that got no answer, and the largest that did. */
  silentMtu: number;
  fitMtu: number;
  silent: Rate;
  fit: Rate;
  /** `consistent`: the silent size fails significantly more; `random`: not. */
  verdict: "consistent" | "random";
}

/** The result of a search. */
export interface MtuSearch {
  /** The largest MTU that got through; null when even the smallest did not. */
  pathMtu: number | null;
  /** True when the largest MTU tried got through: the path MTU is at least that. */
  atLeast: boolean;
  /** Larger probes vanished without a "fragmentation needed" answer, consistently. */
  blackHole: boolean;
  /** The last MTU a router or the local stack quoted. */
  quotedMtu: number | null;
  steps: MtuStep[];
  /** Present when sizes vanished: the repeated check of both sizes. */
  sizeCheck?: SizeCheck;
  /** Why nothing was measured, when the target could not be reached at all. */
  reason?: Localized;
}

/** Echoes of a size that vanished once before it counts as silent (random loss aside). */
export const REPEATS = 3;
/** Echoes of each size in the check that tells a black hole from random loss. */
export const CHECK_ECHOES = 10;

/**
 * Searches the path MTU in `[min, max]` with `probe`.
 *
 * @example
 * ```ts
 * const r = await searchMtu(async (m) => m <= 1454 ? { kind: "fits" } : { kind: "too-big", mtu: 1454 }, 576, 1500);
 * r.pathMtu; // 1454
 * ```
 */
export async function searchMtu(probe: MtuProbe, min: number, max: number): Promise<MtuSearch> {
  const steps: MtuStep[] = [];
  let quotedMtu: number | null = null;
  let sizeCheck: SizeCheck | undefined;
  let lo = min;
  const test = async (mtu: number): Promise<MtuOutcome> => {
    let o = await probe(mtu, 1);
    let sent = 1;
    // One silent echo may be ordinary loss: try again with several before believing it.
    if (o.kind === "silent") {
      o = await probe(mtu, REPEATS);
      sent += REPEATS;
    }
    // The first size that stays silent is checked against one that fits, both at once.
    if (o.kind === "silent" && !sizeCheck && mtu > lo) {
      sizeCheck = await check(probe, mtu, lo);
      sent += CHECK_ECHOES;
      if (sizeCheck.verdict === "random" && sizeCheck.silent.failures! < sizeCheck.silent.n) {
        o = { kind: "fits" };
      }
    }
    if (o.kind !== "unreachable") {
      const quoted = o.kind === "too-big" ? o.mtu : null;
      if (quoted) quotedMtu = quoted;
      steps.push({
        mtu,
        outcome: o.kind,
        quotedMtu: quoted,
        ...(o.kind !== "too-big" ? { sent } : {}),
      });
    }
    return o;
  };
  const result = (pathMtu: number | null, atLeast = false, reason?: Localized): MtuSearch => ({
    pathMtu,
    atLeast,
    blackHole: pathMtu !== null && sizeCheck?.verdict === "consistent" &&
      steps.some((s) => s.outcome === "silent" && s.mtu > pathMtu),
    quotedMtu,
    steps,
    ...(sizeCheck ? { sizeCheck } : {}),
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

/** Both sizes again, at the same time: does the larger one fail consistently? */
async function check(probe: MtuProbe, silentMtu: number, fitMtu: number): Promise<SizeCheck> {
  const [s, f] = await Promise.all([
    probe(silentMtu, CHECK_ECHOES),
    probe(fitMtu, CHECK_ECHOES),
  ]);
  const counted = (o: MtuOutcome) => {
    const sent = ("sent" in o ? o.sent : undefined) ?? CHECK_ECHOES;
    const received = o.kind === "fits" ? o.received ?? sent : 0;
    return { sent, lost: Math.max(0, sent - received) };
  };
  const v = judgeSize(counted(f), counted(s));
  return {
    silentMtu,
    fitMtu,
    silent: v.large,
    fit: v.small,
    verdict: v.kind === "size-dependent" ? "consistent" : "random",
  };
}
