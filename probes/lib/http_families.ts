/**
 * One URL over each address family its name has, at once, and the request a browser would
 * have ended up with: the name is resolved once; each family's address is requested; the
 * browser's view is the family a Happy Eyeballs client connects over first (RFC 8305), with
 * that family's whole outcome (a browser does not switch families once connected). So one
 * broken family costs a delay, not a failure, as it does for the customer — and the delay an
 * application without Happy Eyeballs would suffer is costed too (`happy_eyeballs.ts`).
 *
 * @module
 */
import { ipFamily } from "../../util/ip_scope.ts";
import type { Platform } from "../types.ts";
import { resolveHost } from "./connect.ts";
import { ATTEMPT_DELAY_MS, type Fallback, fallbackCost } from "./happy_eyeballs.ts";
import { type HttpTiming, type HttpTimingOptions, timeHttp } from "./http_phases.ts";

/** One family's request, in short. */
export interface FamilyTiming {
  family: 4 | 6;
  address: string;
  /** The request completed (any status). */
  ok: boolean;
  failedAt?: HttpTiming["failedAt"];
  error?: string;
  connectMs: number | null;
  ttfbMs: number | null;
  totalMs: number | null;
  status: number | null;
  /** From the start to the answer or the failure, ms. */
  ms: number;
}

/** The browser's view, each family's request, and what a failing family costs. */
export interface FamiliesTiming {
  /** The request a browser would have made (the first family to connect). */
  browser: HttpTiming;
  /** The family an application tries first; null when the name has no address. */
  preferred: 4 | 6 | null;
  families: FamilyTiming[];
  /** Null unless both families were tried. */
  fallback: Fallback | null;
}

/** Requests `url` over each family its host resolves to. Never throws. Requires `--allow-net`. */
export async function timeHttpFamilies(
  url: URL,
  opts: HttpTimingOptions & { os: Platform },
): Promise<FamiliesTiming> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (ipFamily(host) !== 0) {
    const one = await timed(url, opts, null);
    return {
      browser: one.timing,
      preferred: ipFamily(host) as 4 | 6,
      families: one.family ? [one.family] : [],
      fallback: null,
    };
  }
  const resolved = await resolveHost(host, opts.timeoutMs, opts.signal, opts.resolver);
  const addresses = ([[6, resolved.v6], [4, resolved.v4]] as const)
    .filter((a): a is readonly [4 | 6, string] => a[1] !== null);
  if (addresses.length === 0) {
    const failed = await timeHttp(url, { ...opts, pinned: undefined });
    return { browser: failed, preferred: null, families: [], fallback: null };
  }
  const runs = await Promise.all(
    addresses.map(([, address]) => timed(url, opts, { address, dnsMs: resolved.dnsMs })),
  );
  const families = runs.map((r) => r.family!);
  const preferred = resolved.preferred ?? addresses[0][0];
  const fallback = fallbackCost(
    preferred,
    families.map((f) => ({
      family: f.family,
      connected: f.connectMs !== null,
      ms: f.connectMs ?? f.ms,
      ...(f.error ? { error: kind(f.error) } : {}),
    })),
    opts.os,
  );
  return { browser: pick(runs, preferred).timing, preferred, families, fallback };
}

interface Run {
  timing: HttpTiming;
  family: FamilyTiming | null;
}

async function timed(
  url: URL,
  opts: HttpTimingOptions,
  pinned: { address: string; dnsMs: number | null } | null,
): Promise<Run> {
  const t0 = performance.now();
  const timing = await timeHttp(url, { ...opts, ...(pinned ? { pinned } : {}) });
  const ms = Math.round((performance.now() - t0) * 10) / 10;
  const fam = timing.address ? ipFamily(timing.address) : 0;
  return {
    timing,
    family: fam === 0 ? null : {
      family: fam,
      address: timing.address!,
      ok: timing.ok,
      ...(timing.failedAt ? { failedAt: timing.failedAt } : {}),
      ...(timing.error ? { error: timing.error } : {}),
      connectMs: timing.connectMs,
      ttfbMs: timing.ttfbMs,
      totalMs: timing.totalMs,
      status: timing.status,
      ms,
    },
  };
}

/**
 * The run a Happy Eyeballs browser ends up with: the first to connect, the other family
 * starting 250 ms late; when neither connects, the IPv4 failure (the one older reports show).
 */
function pick(runs: Run[], preferred: 4 | 6): Run {
  const first = runs.find((r) => r.family!.family === preferred);
  // The other family starts after the attempt delay, or as soon as the first one failed.
  const delay = !first || first.timing.connectMs !== null
    ? ATTEMPT_DELAY_MS
    : Math.min(ATTEMPT_DELAY_MS, first.family!.ms);
  const start = (r: Run) => r === first ? 0 : delay;
  const connected = runs.filter((r) => r.timing.connectMs !== null)
    .sort((a, b) => start(a) + a.timing.connectMs! - (start(b) + b.timing.connectMs!));
  return connected[0] ?? runs.find((r) => r.family!.family === 4) ?? runs[0];
}

/** `timeout`, `refused`, `unreachable`, or the error itself. */
function kind(error: string): string {
  if (/timeout/i.test(error)) return "timeout";
  if (/refused/i.test(error)) return "refused";
  if (/unreachable/i.test(error)) return "unreachable";
  return error;
}
