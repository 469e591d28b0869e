// deno-lint-ignore-file jsx-key -- server-rendered (Hono): cells and rows are positional, keys mean nothing
/**
 * Any probe's data, readable at any nesting: charts for the shapes it recognises, then the
 * data as a tree — records as label/value lists (labels never squeezed to a letter per
 * line), lists of small records as tables, lists of large ones as cards, scalars as
 * people read them. Plugin data and data no purpose-built view understands land here.
 *
 * @module
 */
import type { JSX } from "hono/jsx/jsx-runtime";
import { Chart } from "../charts.tsx";
import { formatScalar } from "../format.ts";
import { findShapes } from "../shapes.ts";
import type { Lang } from "../../../util/text.ts";
import { type Obj, obj, Table, V } from "./parts.tsx";

const MAX_ROWS = 200;
const MAX_DEPTH = 6;
/** Lists of records with at most this many fields, all of them scalars, read best as a table. */
const TABLE_COLS = 6;
const COLLAPSE_AFTER = 12;

const T = {
  rows: { ja: "件", en: "items" },
  more: { ja: "件を表示", en: "Show all" },
  empty: { ja: "なし", en: "none" },
};

/** The generic view: charts of recognised shapes, then the tree. */
export function GenericData(
  props: { data: Record<string, unknown>; lang: Lang; charts?: boolean },
) {
  if (Object.keys(props.data).length === 0) return null;
  const drawn = new Set<unknown>();
  const shapes = props.charts === false ? [] : findShapes(props.data, "", drawn);
  return (
    <div class="generic">
      {shapes.map((s) => <Chart shape={s} lang={props.lang} />)}
      <Tree value={props.data} depth={0} lang={props.lang} />
    </div>
  );
}

const isScalar = (v: unknown) => v === null || typeof v !== "object";

/** One value of the tree. */
export function Tree(props: { value: unknown; depth: number; lang: Lang }): JSX.Element {
  const { value: v, lang } = props;
  if (isScalar(v)) return <V>{formatScalar(v)}</V>;
  if (props.depth >= MAX_DEPTH) return <code class="json" translate="no">{JSON.stringify(v)}</code>;
  if (Array.isArray(v)) {
    if (v.length === 0) return <span class="muted">{T.empty[lang]}</span>;
    if (v.every(isScalar)) return <V>{v.map(formatScalar).join(", ")}</V>;
    const records = v.map(obj);
    const body = records.every((r) => r !== null)
      ? <Records rows={records as Obj[]} depth={props.depth} lang={lang} />
      : (
        <ol class="tree-list">
          {v.slice(0, MAX_ROWS).map((x) => (
            <li>
              <Tree value={x} depth={props.depth + 1} lang={lang} />
            </li>
          ))}
        </ol>
      );
    return v.length > COLLAPSE_AFTER
      ? (
        <details class="more">
          <summary>
            {lang === "ja" ? `${v.length} ${T.more.ja}` : `${T.more.en} ${v.length} ${T.rows.en}`}
          </summary>
          {body}
        </details>
      )
      : body;
  }
  const entries = Object.entries(v as Obj);
  if (entries.length === 0) return <span class="muted">{T.empty[lang]}</span>;
  return (
    <dl class="tree">
      {entries.map(([k, x]) => (
        <div class={isScalar(x) ? "leaf" : "branch"}>
          <dt>
            <V>{k}</V>
          </dt>
          <dd>
            <Tree value={x} depth={props.depth + 1} lang={lang} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Records(props: { rows: Obj[]; depth: number; lang: Lang }) {
  const cols: string[] = [];
  for (const r of props.rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  const flat = props.rows.every((r) => Object.values(r).every(isScalar));
  const rows = props.rows.slice(0, MAX_ROWS);
  if (flat && cols.length <= TABLE_COLS) {
    return (
      <Table
        label={cols.join(", ")}
        cols={cols.map((c) => ({ label: c, value: true }))}
        rows={rows.map((r) => cols.map((c) => <V>{formatScalar(r[c])}</V>))}
      />
    );
  }
  return (
    <ol class="tree-cards">
      {rows.map((r) => (
        <li>
          <Tree value={r} depth={props.depth + 1} lang={props.lang} />
        </li>
      ))}
    </ol>
  );
}
