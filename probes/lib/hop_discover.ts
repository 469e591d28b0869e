/**
 * Finds the provider's first hops: the routers 2, 3, … hops away towards an anchor (hop 1
 * is the home router, the default gateway), by echoes whose TTL runs out there, so each
 * answers "time exceeded" with its address. A few echoes go out per TTL at once, because
 * routers rate-limit those answers.
 *
 * @module
 */
import { ipScope } from "../../util/ip_scope.ts";
import { ParseError } from "../parse/parse_error.ts";
import { parsePing } from "../parse/ping.ts";
import type { Evidence, Platform, ProbeContext } from "../types.ts";
import { pingBudgetMs, pingCommand, type PingSpec } from "./ping_command.ts";

/** One router found beyond the home router. */
export interface FoundHop {
  ttl: number;
  address: string;
}

/** Echoes sent at once per TTL. */
const TRIES = 3;

/**
 * Routers at TTL 2 … `1 + count` towards `target`. The one at TTL 2 is kept whatever its
 * address; later ones only while their addresses are not public (public ones are already beyond the
 * provider, or cannot be told from it). Stops at the target itself.
 */
export async function discoverHops(
  ctx: ProbeContext,
  os: Platform,
  target: { address: string; family: 4 | 6 },
  count: number,
  waitMs: number,
): Promise<{ hops: FoundHop[]; evidence: Evidence[] }> {
  const evidence: Evidence[] = [];
  const ttls = Array.from({ length: count }, (_, i) => i + 2);
  const found = await Promise.all(ttls.map(async (ttl) => {
    const answers = await Promise.all(Array.from({ length: TRIES }, async () => {
      const spec: PingSpec = {
        target: target.address,
        family: target.family,
        count: 1,
        intervalMs: 1000,
        waitMs,
        ttl,
      };
      const line = pingCommand(os, spec);
      const r = await ctx.exec(line.cmd, line.args, {
        signal: ctx.signal,
        timeoutMs: pingBudgetMs(os, spec),
      });
      const text = r.stderr.trim() ? `${r.stdout}\n${r.stderr}` : r.stdout;
      try {
        const p = parsePing(text, { os });
        if (p.received > 0) return { ttl, reached: true, address: null, text, command: r.command };
        const from = p.errors.find((e) => e.kind === "ttl-exceeded" && e.from)?.from ?? null;
        return { ttl, reached: false, address: from, text, command: r.command };
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        return { ttl, reached: false, address: null, text, command: r.command };
      }
    }));
    const best = answers.find((a) => a.reached) ?? answers.find((a) => a.address) ?? answers[0];
    evidence.push({ label: best.command, text: best.text });
    return best;
  }));
  const hops: FoundHop[] = [];
  for (const f of found) {
    if (f.reached) break;
    if (!f.address) continue;
    if (f.ttl > 2 && isPublic(f.address)) break;
    hops.push({ ttl: f.ttl, address: f.address });
  }
  return { hops, evidence };
}

function isPublic(address: string): boolean {
  try {
    const s = ipScope(address);
    return s === "global" || s === "ula";
  } catch {
    return true;
  }
}
