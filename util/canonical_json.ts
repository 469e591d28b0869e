/**
 * Canonical JSON: object keys sorted, no insignificant whitespace, `undefined` members
 * dropped. Two equal values always give the same bytes, so a digest over it is stable.
 *
 * @module
 */

/**
 * Serialises `value` canonically.
 *
 * @throws {TypeError} on values JSON cannot represent (bigint, functions, cycles)
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value, new Set()));
}

function sortKeys(value: unknown, seen: Set<object>): unknown {
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) throw new TypeError("Cannot serialise a value with cycles");
  seen.add(value);
  let out: unknown;
  if (Array.isArray(value)) {
    out = value.map((v) => sortKeys(v === undefined ? null : v, seen));
  } else if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    out = sortKeys((value as { toJSON(): unknown }).toJSON(), seen);
  } else {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) o[k] = sortKeys(v, seen);
    }
    out = o;
  }
  seen.delete(value);
  return out;
}
