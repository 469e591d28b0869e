/**
 * What an agent searches for, read from the search form's fields: each field checked on its
 * own (a bad field is named and left out, never passed on as SQL), the receipt code read the
 * way a person types it (`util/receipt.ts`), dates in the collector's time zone.
 *
 * @example
 * ```ts
 * import { parseSearch } from "./search_filter.ts";
 * const { filter, problems } = parseSearch({ segment: "isp", os: "windows" }, "Asia/Tokyo");
 * filter.segment; // "isp"
 * problems.length; // 0
 * ```
 *
 * @module
 */
import { type Segment, SEGMENTS } from "../probes/types.ts";
import { parseReceipt } from "../util/receipt.ts";
import type { Localized } from "../util/text.ts";

/** The operating systems a report can come from. */
export const SEARCH_OSES = ["windows", "darwin", "linux"] as const;

/** A checked search. Absent fields do not narrow. */
export interface SearchFilter {
  /** A canonical receipt code. */
  receipt?: string;
  ticket?: string;
  /** Received at or after. */
  from?: Date;
  /** Received before. */
  to?: Date;
  /** The headline's segment; `none` for reports that found no problem. */
  segment?: Segment | "none";
  /** An access type (`pppoe` …) or `unknown`. */
  access?: string;
  os?: string;
  kit?: string;
  /** One tenant (all-tenants scopes only; ignored otherwise). */
  tenant?: string;
  /** One device (a device key, from a report's timeline). */
  device?: string;
  /** One verified licence id. */
  licence?: string;
  /** The next page: rows strictly older than this one. */
  before?: { at: Date; id: string };
}

/** A field the search could not use, and why. */
export interface SearchProblem {
  field: string;
  message: Localized;
}

const TEXT = /^[\p{L}\p{N}\p{P}\p{S} ]{1,64}$/u;

/**
 * Reads the search form's fields. Unknown fields are ignored; empty fields do not narrow.
 *
 * @param timeZone the collector's zone, in which `from` and `to` dates are meant
 */
export function parseSearch(
  q: Record<string, string | undefined>,
  timeZone: string,
): { filter: SearchFilter; problems: SearchProblem[] } {
  const filter: SearchFilter = {};
  const problems: SearchProblem[] = [];
  const field = (k: string) => {
    const v = q[k]?.normalize("NFKC").trim();
    return v === undefined || v === "" ? undefined : v;
  };
  const refuse = (f: string, ja: string, en: string) =>
    problems.push({ field: f, message: { ja, en } });

  const receipt = field("receipt");
  if (receipt !== undefined) {
    const canonical = parseReceipt(receipt);
    if (canonical) filter.receipt = canonical;
    else {
      refuse(
        "receipt",
        `受付番号として読めません (文字の数か最後の確認文字が違います): "${receipt.slice(0, 40)}"`,
        `Not a receipt code (wrong length or check character): "${receipt.slice(0, 40)}"`,
      );
    }
  }
  const text = (k: keyof SearchFilter, label: { ja: string; en: string }) => {
    const v = field(k);
    if (v === undefined) return;
    if (TEXT.test(v)) (filter as Record<string, unknown>)[k] = v;
    else {refuse(
        k,
        `${label.ja}は 64 文字までの印字可能な文字です`,
        `${label.en} is up to 64 printable characters`,
      );}
  };
  text("ticket", { ja: "チケット", en: "The ticket" });
  text("kit", { ja: "バージョン", en: "The version" });
  text("tenant", { ja: "テナント", en: "The tenant" });
  text("licence", { ja: "ライセンス", en: "The licence" });

  const device = field("device");
  if (device !== undefined) {
    if (/^[0-9a-f]{32}$/.test(device)) filter.device = device;
    else refuse("device", "端末の指定が正しくありません", "Not a device key");
  }
  const segment = field("segment");
  if (segment !== undefined) {
    if (segment === "none" || (SEGMENTS as readonly string[]).includes(segment)) {
      filter.segment = segment as Segment | "none";
    } else {refuse(
        "segment",
        `区間の指定が正しくありません`,
        `Not a segment: "${segment.slice(0, 40)}"`,
      );}
  }
  const access = field("access");
  if (access !== undefined) {
    if (/^[a-z0-9-]{1,32}$/.test(access)) filter.access = access;
    else refuse("access", "接続方式の指定が正しくありません", "Not an access type");
  }
  const os = field("os");
  if (os !== undefined) {
    if ((SEARCH_OSES as readonly string[]).includes(os)) filter.os = os;
    else refuse("os", "OS の指定が正しくありません", "Not an operating system");
  }
  for (const k of ["from", "to"] as const) {
    const v = field(k);
    if (v === undefined) continue;
    const d = wallTimeToDate(v, timeZone, k === "to");
    if (d) filter[k] = d;
    else {
      refuse(
        k,
        `日時は 2026-11-24 か 2026-11-24T21:00 の形で指定してください`,
        `A date is 2026-11-24 or 2026-11-24T21:00`,
      );
    }
  }
  if (filter.from && filter.to && filter.from >= filter.to) {
    refuse("to", "終わりの日時が始まりより前です", "The end is before the start");
    delete filter.to;
  }
  const before = field("before");
  if (before !== undefined) {
    const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|(.{1,200})$/.exec(before);
    const at = m ? new Date(m[1]) : null;
    if (m && at && !isNaN(at.getTime())) filter.before = { at, id: m[2] };
    else refuse("before", "ページの指定が正しくありません", "Not a page marker");
  }
  return { filter, problems };
}

/** The page marker of a row (for the `before` field of the next page). */
export function pageMarker(row: { receivedAt: Date; reportId: string }): string {
  return `${row.receivedAt.toISOString()}|${row.reportId}`;
}

/** The filter as form fields (for links: next page, CSV, the same search again). */
export function searchFields(f: SearchFilter, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (
    const k of [
      "receipt",
      "ticket",
      "segment",
      "access",
      "os",
      "kit",
      "tenant",
      "device",
      "licence",
    ] as const
  ) {
    if (f[k]) out[k] = f[k]!;
  }
  if (f.from) out.from = dateToWallTime(f.from, timeZone);
  if (f.to) out.to = dateToWallTime(f.to, timeZone);
  return out;
}

/**
 * A wall time in `timeZone` (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`) as an instant. A date alone
 * means its start, or — with `endOfDay` — the start of the next day (an inclusive "to").
 * Null for anything else.
 */
export function wallTimeToDate(text: string, timeZone: string, endOfDay = false): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4] ?? "0", m[5] ?? "0"].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || y < 2000 || y > 2200) {
    return null;
  }
  const dayPlus = m[4] === undefined && endOfDay ? 1 : 0;
  const wall = Date.UTC(y, mo - 1, d + dayPlus, h, mi);
  // The zone's offset at the guess, then again at the result (a DST change in between).
  let t = wall - offsetMs(wall, timeZone);
  t = wall - offsetMs(t, timeZone);
  return new Date(t);
}

/** An instant as `YYYY-MM-DDTHH:MM` in `timeZone`. */
export function dateToWallTime(d: Date, timeZone: string): string {
  const local = new Date(d.getTime() + offsetMs(d.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}

/** How far `timeZone` is ahead of UTC at the instant `t`, in ms. */
function offsetMs(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(t));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    n("year"),
    n("month") - 1,
    n("day"),
    n("hour") % 24,
    n("minute"),
    n("second"),
  );
  return asUtc - Math.floor(t / 1000) * 1000;
}
