/**
 * Canonical JSON: object keys sorted, no insignificant whitespace, `undefined` members
 * dropped. Two equal values always give the same bytes, so a digest over it is stable.
 *
 * Values of ordinary depth take a recursive path (a report's digest is computed on every
 * upload the collector takes, and recursion is about nine times quicker than a hand-kept
 * stack). Past {@link FAST_DEPTH} levels it starts again with its own stack, not by
 * recursion: a hostile document nested thousands of levels deep serialises (or is refused
 * earlier by `util/json_text.ts`) instead of overflowing the call stack, and a cycle is found
 * there. Every own enumerable member counts, `"__proto__"` included.
 *
 * @module
 */

/** Work left on the stack: text to emit, a value to serialise, or an object to leave. */
type Work = string | { value: unknown; inArray: boolean } | { leave: object };

/**
 * Serialises `value` canonically. Byte for byte what `JSON.stringify` gives for the same
 * value with every object's keys sorted (`toJSON` is honoured, functions and `undefined` are
 * dropped from objects and become `null` in arrays).
 *
 * @throws {TypeError} on values JSON cannot represent (bigint, cycles) and on a top-level
 *   value that serialises to nothing
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  const top = resolved(value);
  if (omitted(top)) throw new TypeError("Cannot serialise a value that is not JSON");
  try {
    return recursive(top, 0);
  } catch (e) {
    if (e !== TOO_DEEP) throw e;
    return iterative(top);
  }
}

/** Nesting the recursive path takes; deeper (or cyclic) values go to {@link iterative}. */
export const FAST_DEPTH = 200;

/** Thrown (and caught) when the recursive path reaches {@link FAST_DEPTH}. */
const TOO_DEEP = Symbol("too deep");

/** The recursive path: `v` is resolved and not omitted. */
function recursive(v: unknown, depth: number): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (depth >= FAST_DEPTH) throw TOO_DEEP;
  if (Array.isArray(v)) {
    let s = "[";
    for (let i = 0; i < v.length; i++) {
      const x = resolved(v[i]);
      s += (i > 0 ? "," : "") + (omitted(x) ? "null" : recursive(x, depth + 1));
    }
    return s + "]";
  }
  let s = "{";
  for (const k of canonicalOrder(Object.keys(v))) {
    const x = resolved((v as Record<string, unknown>)[k]);
    if (omitted(x)) continue;
    s += (s.length > 1 ? "," : "") + JSON.stringify(k) + ":" + recursive(x, depth + 1);
  }
  return s + "}";
}

/** The path with its own stack, for any depth; finds cycles. `top` is resolved. */
function iterative(top: unknown): string {
  const out: string[] = [];
  const active = new Set<object>();
  const stack: Work[] = [{ value: top, inArray: false }];
  while (stack.length > 0) {
    const w = stack.pop()!;
    if (typeof w === "string") {
      out.push(w);
      continue;
    }
    if ("leave" in w) {
      active.delete(w.leave);
      continue;
    }
    const v = w.value;
    if (v === null || typeof v !== "object") {
      out.push(omitted(v) ? "null" : JSON.stringify(v));
      continue;
    }
    if (active.has(v)) throw new TypeError("Cannot serialise a value with cycles");
    active.add(v);
    stack.push({ leave: v });
    if (Array.isArray(v)) {
      stack.push("]");
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: resolved(v[i]), inArray: true });
        if (i > 0) stack.push(",");
      }
      stack.push("[");
      continue;
    }
    const members: [string, unknown][] = [];
    for (const k of canonicalOrder(Object.keys(v))) {
      const x = resolved((v as Record<string, unknown>)[k]);
      if (!omitted(x)) members.push([k, x]);
    }
    stack.push("}");
    for (let i = members.length - 1; i >= 0; i--) {
      stack.push({ value: members[i][1], inArray: false });
      stack.push(`${i > 0 ? "," : ""}${JSON.stringify(members[i][0])}:`);
    }
    stack.push("{");
  }
  return out.join("");
}

/**
 * The order JSON.stringify gives an object whose keys were inserted sorted: integer-like keys
 * first, ascending, then the rest as sorted. Digests made before this file stopped recursing
 * depend on it, so it is taken from the engine itself.
 */
function canonicalOrder(keys: string[]): string[] {
  keys.sort();
  // Without an integer-like key (none starts with a digit) the sorted order is the order.
  if (!keys.some((k) => k.charCodeAt(0) >= 48 && k.charCodeAt(0) <= 57)) return keys;
  const o = Object.create(null) as Record<string, true>;
  for (const k of keys) o[k] = true;
  return Object.keys(o);
}

/** The value after `toJSON` (as JSON.stringify would call it; arrays are taken as they are). */
function resolved(v: unknown): unknown {
  let x = v;
  while (
    x !== null && typeof x === "object" && !Array.isArray(x) &&
    typeof (x as { toJSON?: unknown }).toJSON === "function"
  ) {
    const next = (x as { toJSON(): unknown }).toJSON();
    if (next === x) break;
    x = next;
  }
  return x;
}

/** Values JSON drops from objects (and writes as `null` in arrays). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}
