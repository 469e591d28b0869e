/**
 * Pure arithmetic and layout of the benchmark's figures: the TCP goodput ceiling of a shaped
 * link, spreads over repeated runs, and plain-text tables.
 *
 * @module
 */

/** TCP payload of a full-size segment: 1500 MTU − 20 IP − 20 TCP − 12 timestamp option. */
export const MSS = 1448;
/**
 * Bytes tbf counts per full segment on a veth: the payload plus TCP (32 with timestamps),
 * IP (20) and the Ethernet header (14) the qdisc sees.
 */
export const WIRE_BYTES = MSS + 32 + 20 + 14;

/** The most TCP goodput a link shaped to `rateBps` can carry, bit/s. */
export function goodputCeiling(rateBps: number): number {
  return rateBps * (MSS / WIRE_BYTES);
}

/** Min, median and max of samples (NaN-free), or null when empty. */
export function spread(xs: readonly number[]): { min: number; median: number; max: number } | null {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
  return { min: s[0], median, max: s[s.length - 1] };
}

/** Formats a number with `digits` decimals, or `–`. */
export function fmt(x: number | null | undefined, digits = 2): string {
  return x == null || !Number.isFinite(x) ? "–" : x.toFixed(digits);
}

/** `min–max (median m)` of a spread, or `–`. */
export function fmtSpread(s: ReturnType<typeof spread>, digits = 2): string {
  return s ? `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})` : "–";
}

/** Lays out rows as a plain-text table with a header rule. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[]) =>
    r.map((c, i) => (c ?? "").padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
