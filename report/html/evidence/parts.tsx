/**
 * The building blocks of the evidence views: measured values marked as such, tables that
 * scroll in their own focusable box on a desk and reflow to one card per row on a phone,
 * key/value lists, status marks, and readers that take a probe's data apart without
 * trusting its shape (a report may come from another version, or be partial).
 *
 * @module
 */
import type { Child } from "hono/jsx";
import type { Lang, Localized } from "../../../util/text.ts";

/** A loosely typed record out of a probe's data. */
export type Obj = Record<string, unknown>;

/** `v` as a record, or null. */
export const obj = (v: unknown): Obj | null =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : null;
/** `v` as an array of records (others dropped), or an empty array. */
export const objs = (v: unknown): Obj[] =>
  Array.isArray(v) ? v.map(obj).filter((x): x is Obj => x !== null) : [];
/** `v` as a finite number, or null. */
export const num = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;
/** `v` as a string, or null. */
export const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
/** `v` as an array of strings (others dropped). */
export const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
/** `v` as a boolean, or null. */
export const bool = (v: unknown): boolean | null => (typeof v === "boolean" ? v : null);
/** `v` as text in `lang` when it is {ja, en}, or null. */
export const loc = (v: unknown, lang: Lang): string | null => {
  const o = obj(v);
  return o && typeof o[lang] === "string" ? (o[lang] as string) : null;
};

/**
 * A measured or supplied value (an address, a name, a host, a command): shown as is and
 * marked `translate="no"`, so translation tools and the language test leave it alone.
 */
export function V(props: { children?: Child; class?: string }) {
  return <span class={props.class ? `v ${props.class}` : "v"} translate="no">{props.children}
  </span>;
}

/** A tone for marks and cells: the meaning is in the word or mark too, never colour alone. */
export type Tone = "ok" | "warn" | "fail" | "unknown";

const MARKS: Record<Tone, string> = { ok: "✓", warn: "!", fail: "✕", unknown: "–" };

/** A small mark with a word: `✓ 応答あり`. */
export function Mark(props: { tone: Tone; children?: Child }) {
  return (
    <span class={`mark t-${props.tone}`}>
      <span aria-hidden="true">{MARKS[props.tone]}</span> {props.children}
    </span>
  );
}

/** One column of a {@link Table}. */
export interface Column {
  label: string;
  /** Right-aligned figures. */
  num?: boolean;
  /** The label is a measured value (a name, an address), shown as is. */
  value?: boolean;
}

/**
 * A table of evidence. On a desk it scrolls sideways inside its own box (focusable, named,
 * so a keyboard can scroll it); on a phone each row becomes a card with the column names
 * beside the values, so nothing scrolls at all.
 */
export function Table(
  props: { label: string; cols: Column[]; rows: Child[][]; rowClass?: (i: number) => string },
) {
  return (
    <div class="table-wrap" role="region" aria-label={props.label} tabindex={0}>
      <table class="grid-table reflow">
        <caption class="sr-only">{props.label}</caption>
        <thead>
          <tr>
            {props.cols.map((c) => (
              <th scope="col" class={c.num ? "num" : undefined}>
                {c.value ? <V>{c.label}</V> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr class={props.rowClass?.(i) || undefined}>
              {r.map((cell, k) => (
                <td
                  data-label={props.cols[k]?.label}
                  class={props.cols[k]?.num ? "num" : undefined}
                >
                  <div class="cell">{cell}</div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Label/value pairs as a definition list that wraps into as many columns as fit. */
export function Facts(props: { rows: [string, Child][] }) {
  const rows = props.rows.filter(([, v]) => v !== null && v !== undefined && v !== "");
  if (rows.length === 0) return null;
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <div>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A sub-heading inside a probe's evidence (one per target, server, …). */
export function Sub(props: { children?: Child; note?: Child }) {
  return (
    <h4 class="sub">
      {props.children}
      {props.note ? <span class="sub-note">{props.note}</span> : null}
    </h4>
  );
}

/** A sentence that says what the evidence shows, in the page's language. */
export function Say(props: { tone?: Tone; children?: Child }) {
  return <p class={`say t-${props.tone ?? "unknown"}`}>{props.children}</p>;
}

/** The text of `t` in `lang`, for the many small word tables of the views. */
export const w = (t: Localized, lang: Lang) => t[lang];

/** IPv4/IPv6 for a family number. */
export const family = (f: unknown) => (f === 6 ? "IPv6" : f === 4 ? "IPv4" : "–");
