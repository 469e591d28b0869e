/**
 * Tolerant readers of probe data whose exact shape a rule cannot import (probes written in
 * parallel, plugin probes, older reports): each returns a value of the asked type or null,
 * never throws.
 *
 * @module
 */

/** A finite number, or null. */
export function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** A string, or null. */
export function str(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}

/** A plain object, or null. */
export function obj(v: unknown): Record<string, unknown> | null {
  return typeof v === "object" && v !== null && !Array.isArray(v)
    ? v as Record<string, unknown>
    : null;
}

/** The plain objects of an array (anything else is skipped); [] when not an array. */
export function objs(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.map(obj).filter((o): o is Record<string, unknown> => o !== null) : [];
}

/** The first of `keys` that holds an array of objects in `o`. */
export function listOf(o: unknown, ...keys: string[]): Record<string, unknown>[] {
  const r = obj(o);
  if (!r) return [];
  for (const k of keys) if (Array.isArray(r[k])) return objs(r[k]);
  return [];
}

/** Ping statistics as rules read them, whatever probe produced them. */
export interface PingStats {
  /** The target as named or addressed. */
  target: string;
  address: string | null;
  family: 4 | 6 | null;
  sent: number;
  received: number;
  lossPercent: number;
  avgMs: number | null;
  maxMs: number | null;
  jitterMs: number | null;
}

/**
 * Reads ping statistics from one entry of a ping probe's data: the parsed ping fields may
 * sit on the entry itself or under `ping`, `result`, `stats` or `parsed`.
 */
export function pingStats(entry: unknown): PingStats | null {
  const e = obj(entry);
  if (!e) return null;
  const p = [e, obj(e.ping), obj(e.result), obj(e.stats), obj(e.parsed)].find((x) =>
    x && (num(x.lossPercent) !== null || num(x.sent) !== null)
  );
  if (!p) return null;
  const sent = num(p.sent) ?? num(obj(p.reported)?.sent);
  const received = num(p.received) ?? num(obj(p.reported)?.received);
  const loss = num(p.lossPercent) ??
    (sent && received !== null ? 100 * (sent - received) / sent : null);
  if (sent === null || loss === null) return null;
  const rtt = obj(p.rtt);
  const family = num(p.family) ?? num(e.family);
  return {
    target: str(e.name) ?? str(e.target) ?? str(p.target) ?? str(e.address) ?? str(p.address) ??
      "?",
    address: str(e.address) ?? str(p.address),
    family: family === 4 || family === 6 ? family : null,
    sent,
    received: received ?? Math.round(sent * (1 - loss / 100)),
    lossPercent: loss,
    avgMs: num(rtt?.avgMs) ?? num(p.avgMs),
    maxMs: num(rtt?.maxMs) ?? num(p.maxMs),
    jitterMs: num(p.jitterMs) ?? num(e.jitterMs),
  };
}

/** Rounds for display: one decimal. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
