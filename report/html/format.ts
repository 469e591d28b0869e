/**
 * Numbers, sizes and times as people read them: rounded to what matters, units always shown
 * (`1.9 ms`, `33 %`, `3.8 Mbps`), in the page's language.
 *
 * @example
 * ```ts
 * import { formatMs, formatPercent } from "./format.ts";
 * formatMs(1.8734); // "1.9 ms"
 * formatPercent(33.333, "en"); // "33 %"
 * ```
 *
 * @module
 */
import type { Lang } from "../../util/text.ts";

/** Milliseconds as `0.05 ms` / `1.9 ms` / `123 ms` / `1.25 s`. */
export function formatMs(ms: number | null | undefined): string {
  if (typeof ms !== "number" || !Number.isFinite(ms)) return "–";
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 1 || ms === 0) return `${round(ms, 1)} ms`;
  if (ms < 0.01 && ms > -0.01) return "< 0.01 ms";
  return `${round(ms, 2)} ms`;
}

/** A percentage: whole numbers from 1 up, one decimal below (`0.5 %`), `33 %`; ja without the space. */
export function formatPercent(p: number | null | undefined, lang: Lang): string {
  if (typeof p !== "number" || !Number.isFinite(p)) return "–";
  const v = p === 0 || Math.abs(p) >= 1 ? Math.round(p) : round(p, 1);
  return lang === "ja" ? `${v}%` : `${v} %`;
}

/** Megabits per second: `182 Mbps`, `24.5 Mbps`, `3.8 Mbps`, `0.42 Mbps`. */
export function formatMbps(v: number | null | undefined): string {
  if (typeof v !== "number" || !Number.isFinite(v)) return "–";
  if (v >= 100) return `${Math.round(v)} Mbps`;
  if (v >= 1) return `${round(v, 1)} Mbps`;
  return `${round(v, 2)} Mbps`;
}

/** Bytes as `980 B`, `1.3 MB`, `400 MB` (decimal units, as line speeds are). */
export function formatBytes(b: number | null | undefined): string {
  if (typeof b !== "number" || !Number.isFinite(b)) return "–";
  const units = ["B", "kB", "MB", "GB", "TB"];
  let v = b;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) v /= 1000, i++;
  return `${i === 0 || v >= 100 ? Math.round(v) : round(v, 1)} ${units[i]}`;
}

/** A duration in seconds as `45 s`, `12 min`, `3 h 20 min`, `4 d 2 h` (ja: 秒・分・時間・日). */
export function formatDuration(s: number | null | undefined, lang: Lang): string {
  if (typeof s !== "number" || !Number.isFinite(s)) return "–";
  const ja = lang === "ja";
  const u = ja
    ? { s: "秒", m: "分", h: "時間", d: "日" }
    : { s: " s", m: " min", h: " h", d: " d" };
  const sp = ja ? "" : " ";
  if (s < 90) return `${Math.round(s)}${u.s}`;
  if (s < 3600) return `${Math.round(s / 60)}${u.m}`;
  if (s < 86_400) {
    const h = Math.floor(s / 3600);
    const m = Math.round((s % 3600) / 60);
    return m ? `${h}${u.h}${sp}${m}${u.m}` : `${h}${u.h}`;
  }
  const d = Math.floor(s / 86_400);
  const h = Math.round((s % 86_400) / 3600);
  return h ? `${d}${u.d}${sp}${h}${u.h}` : `${d}${u.d}`;
}

/** An ISO time as local date and time in `lang`, with the zone. */
export function formatTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-GB", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "short",
  }).format(d);
}

/** A number for a table cell: at most three significant decimals, never `33.333333`. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return "–";
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  return String(
    a >= 100 ? Math.round(v) : a >= 10 ? round(v, 1) : a >= 1 ? round(v, 2) : round(v, 3),
  );
}

/** A scalar for a table cell. */
export function formatScalar(v: unknown): string {
  if (v === null || v === undefined) return "–";
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "boolean") return v ? "✓" : "✗";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

/** Rounds to `digits` decimals. */
export function round(v: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** A "nice" upper bound for a chart axis: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * p) return m * p;
  return 10 * p;
}

/**
 * Axis ticks from 0 to a nice maximum above `v`, 3 to 6 of them, at round steps (never
 * `1.88`): `niceTicks(1.7)` is `[0, 0.5, 1, 1.5, 2]`.
 */
export function niceTicks(v: number): number[] {
  const max = v > 0 ? v : 1;
  const raw = max / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s * 5 >= max) ?? 10 * p;
  const n = Math.ceil(max / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => round(i * step, 6));
}
