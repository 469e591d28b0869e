/**
 * Renders any probe's `data`: charts for the shapes it recognises, tables for the rest
 * (arrays of records as tables with a column per field, records as key/value rows), the
 * whole object as JSON in a collapsed block for support.
 *
 * @module
 */
import type { JSX } from "hono/jsx/jsx-runtime";
import { Chart } from "./charts.tsx";
import { formatScalar } from "./format.ts";
import { UI } from "./i18n.ts";
import { findShapes } from "./shapes.ts";
import type { Lang } from "../../util/text.ts";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => v === null || typeof v !== "object";
const MAX_ROWS = 200;
const MAX_COLS = 12;
const COLLAPSE_AFTER = 8;
/** Records with more fields than this read better as one key/value card each. */
const WIDE = 7;

function columnsOf(rows: Obj[]): string[] {
  const cols: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  return cols;
}

function RecordCards(props: { rows: Obj[]; depth: number; lang: Lang }) {
  return (
    <div class="record-cards">
      {props.rows.slice(0, MAX_ROWS).map((r, i) => (
        <div class="record-card">
          <p class="record-title">{titleOf(r) ?? `#${i + 1}`}</p>
          <Value value={r} depth={props.depth + 1} lang={props.lang} />
        </div>
      ))}
    </div>
  );
}

function titleOf(r: Obj): string | null {
  for (const k of ["name", "id", "target", "url", "host", "address"]) {
    if (typeof r[k] === "string" && r[k]) return r[k] as string;
  }
  return null;
}

/** A nested value inside a table cell, as one short line. */
export function compact(v: unknown): string {
  if (isScalar(v)) return formatScalar(v);
  if (Array.isArray(v)) return v.map((x) => compact(x)).join("; ");
  const parts = Object.entries(v as Obj)
    .filter(([, x]) => x !== null && x !== undefined)
    .map(([k, x]) => (isScalar(x) ? `${k}=${formatScalar(x)}` : `${k}=[${compact(x)}]`));
  return parts.join(" ");
}

/** Charts, tables and raw JSON of one probe's data. */
export function DataView(props: { data: Record<string, unknown>; lang: Lang }) {
  const drawn = new Set<unknown>();
  const shapes = findShapes(props.data, "", drawn);
  const keys = Object.keys(props.data);
  if (keys.length === 0) return null;
  return (
    <div class="data">
      {shapes.map((s, i) => <Chart key={i} shape={s} lang={props.lang} />)}
      <Value value={props.data} depth={0} lang={props.lang} drawn={drawn} />
      <details class="raw">
        <summary>{UI.rawData[props.lang]}</summary>
        <pre>{JSON.stringify(props.data, null, 2)}</pre>
      </details>
    </div>
  );
}

function Value(
  props: { value: unknown; depth: number; lang: Lang; drawn?: Set<unknown> },
): JSX.Element {
  const v = props.value;
  if (isScalar(v)) return <span class="scalar">{formatScalar(v)}</span>;
  if (props.depth > 3) return <code class="json">{JSON.stringify(v)}</code>;
  if (Array.isArray(v)) {
    if (v.length === 0) return <span class="scalar">–</span>;
    if (v.every(isScalar)) return <span class="scalar">{v.map(formatScalar).join(", ")}</span>;
    if (v.every(isObj)) {
      const table = columnsOf(v).length <= WIDE
        ? <RecordTable rows={v} depth={props.depth} lang={props.lang} />
        : <RecordCards rows={v} depth={props.depth} lang={props.lang} />;
      // Long lists, and lists already drawn as a chart above, stay one click away.
      return v.length > COLLAPSE_AFTER || props.drawn?.has(v)
        ? (
          <details>
            <summary>
              {props.lang === "ja" ? `${v.length} 件のデータを表示` : `Show ${v.length} rows`}
            </summary>
            {table}
          </details>
        )
        : table;
    }
    return <code class="json">{JSON.stringify(v)}</code>;
  }
  const entries = Object.entries(v as Obj);
  return (
    <table class="kv">
      <tbody>
        {entries.map(([k, x]) => (
          <tr>
            <th scope="row">{k}</th>
            <td>
              <Value value={x} depth={props.depth + 1} lang={props.lang} drawn={props.drawn} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RecordTable(props: { rows: Obj[]; depth: number; lang: Lang }) {
  const cols = columnsOf(props.rows);
  const shown = cols.slice(0, MAX_COLS);
  const rows = props.rows.slice(0, MAX_ROWS);
  return (
    <div class="table-wrap">
      <table class="grid-table">
        <thead>
          <tr>{shown.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {shown.map((c) => (
                <td>
                  {isScalar(r[c]) ? formatScalar(r[c]) : compact(r[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.length > MAX_ROWS || cols.length > MAX_COLS
        ? <p class="muted">… {props.rows.length} × {cols.length}</p>
        : null}
    </div>
  );
}
