/**
 * One IP family broken while the other works, read both ways from every probe that tried a
 * target over both (`tcp.connect` attempts, `http.timing` per-family requests, `ipv6.compare`):
 * a family is broken when every dual-stack target the other family reached failed over it,
 * at least two of them (or the dedicated comparison), no target beyond the provider was
 * reached over it at all, and nothing shows random loss (which fails either family by chance).
 *
 * Where it is broken: when the provider's own servers (`isp` targets) answered over that
 * family, the break lies beyond the provider's edge (`internet`); otherwise at the provider
 * (`isp`: its gateway for that family — a tunnel of "IPv4 over IPv6", a CGN, an IPv6 access
 * that reaches nothing beyond a closed network). Either way the destinations themselves are
 * fine: they answer over the other family, so this is never "a problem of those sites".
 *
 * @module
 */
import { lossSigns } from "./loss_signs.ts";
import { type Location, measured, type RuleInput } from "./rule.ts";
import { listOf, obj, str } from "./shape.ts";
import { ipFamily } from "../../util/ip_scope.ts";
import type { BuiltinProbeId } from "../../probes/mod.ts";
import type { Fallback } from "../../probes/lib/happy_eyeballs.ts";

/** An IP family. */
export type Family = 4 | 6;

/** One target tried over both families. */
export interface Pair {
  probe: BuiltinProbeId;
  target: string;
  segment: "isp" | "internet" | "service";
  ok: Record<Family, boolean>;
  error: Record<Family, string | null>;
  /** What the preferred family failing cost, when the probe costed it. */
  fallback: Fallback | null;
}

/** A family judged broken. */
export interface FamilyBreak {
  family: Family;
  /** The pairs that failed over it and worked over the other. */
  broken: Pair[];
  /** Where the break lies. */
  at: Extract<Location, "isp" | "internet">;
  /** The provider's own servers reached over it (what puts the break beyond the edge). */
  onNet: string[];
}

/** One single-family try of a target (address literals, and each family of a pair). */
interface Try {
  family: Family;
  segment: "isp" | "internet" | "service";
  ok: boolean;
  target: string;
}

/** Every target tried over both families, from every probe. */
export function pairs(input: RuleInput): Pair[] {
  const out: Pair[] = [];
  for (const t of measured(input, "tcp.connect")?.targets ?? []) {
    const v4 = t.attempts.filter((a) => a.family === 4);
    const v6 = t.attempts.filter((a) => a.family === 6);
    if (!v4.length || !v6.length) continue;
    out.push({
      probe: "tcp.connect",
      target: t.name,
      segment: t.segment,
      ok: { 4: v4.some((a) => a.ok), 6: v6.some((a) => a.ok) },
      error: { 4: v4.find((a) => !a.ok)?.error ?? null, 6: v6.find((a) => !a.ok)?.error ?? null },
      fallback: t.fallback ?? null,
    });
  }
  for (const t of measured(input, "http.timing")?.targets ?? []) {
    const fs = t.families ?? [];
    const v4 = fs.find((f) => f.family === 4);
    const v6 = fs.find((f) => f.family === 6);
    if (!v4 || !v6) continue;
    out.push({
      probe: "http.timing",
      target: t.name,
      segment: t.segment,
      ok: { 4: v4.ok, 6: v6.ok },
      error: { 4: v4.error ?? null, 6: v6.error ?? null },
      fallback: t.fallback ?? null,
    });
  }
  for (const t of listOf(measured(input, "ipv6.compare"), "targets")) {
    const v4 = obj(t.v4);
    const v6 = obj(t.v6);
    // No address of a family at all is "not dual stack", not "broken".
    if (!v4 || !v6 || !str(v4.address) || !str(v6.address)) continue;
    out.push({
      probe: "ipv6.compare",
      target: str(t.url) ?? "?",
      segment: "internet",
      ok: { 4: v4.ok === true, 6: v6.ok === true },
      error: { 4: str(v4.error), 6: str(v6.error) },
      fallback: null,
    });
  }
  return out;
}

/** Every single-family try: each side of a pair, and targets given as an address literal. */
function tries(input: RuleInput): Try[] {
  const out: Try[] = [];
  for (const t of measured(input, "tcp.connect")?.targets ?? []) {
    for (const a of t.attempts) {
      out.push({ family: a.family, segment: t.segment, ok: a.ok, target: t.name });
    }
  }
  for (const t of measured(input, "http.timing")?.targets ?? []) {
    const fs = t.families ?? [];
    if (fs.length) {
      for (const f of fs) {
        out.push({ family: f.family, segment: t.segment, ok: f.ok, target: t.name });
      }
    } else if (t.address && ipFamily(t.address)) {
      out.push({
        family: ipFamily(t.address) as Family,
        segment: t.segment,
        ok: t.ok,
        target: t.name,
      });
    }
  }
  return out;
}

/** The family broken while the other works, if one is. */
export function familyBreak(input: RuleInput, family: Family): FamilyBreak | null {
  const other: Family = family === 4 ? 6 : 4;
  const ps = pairs(input);
  const reachedByOther = ps.filter((p) => p.ok[other]);
  const broken = reachedByOther.filter((p) => !p.ok[family]);
  // One failure may be chance; loss makes either family fail by chance.
  const enough = broken.length >= 2 || broken.some((p) => p.probe === "ipv6.compare");
  if (!enough || broken.length !== reachedByOther.length || lossSigns(input).length > 0) {
    return null;
  }
  const all = tries(input).filter((t) => t.family === family);
  // Anything beyond the provider reached over the family means it is not broken there.
  if (all.some((t) => t.ok && t.segment !== "isp")) return null;
  const onNet = [...new Set(all.filter((t) => t.ok && t.segment === "isp").map((t) => t.target))];
  return { family, broken, at: onNet.length ? "internet" : "isp", onNet };
}

/** Families judged broken, for rules that must not read their failures as something else. */
export function brokenFamilies(input: RuleInput): Set<Family> {
  return new Set(([4, 6] as const).filter((f) => familyBreak(input, f) !== null));
}
