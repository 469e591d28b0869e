/**
 * JSON from outside the kit, parsed with limits: a document nested deeper than
 * {@link MAX_JSON_DEPTH} levels, or an object that names the same member twice, is refused
 * with a message that says so. Nesting is what crashes recursive code further on (a 6 KB
 * `[[[…]]]` overflows any recursive walk), and a duplicated member means two readers can see
 * two different documents in the same bytes (JSON.parse keeps the last one, others the
 * first), which a digest over the parsed value cannot notice.
 *
 * Everything here walks with its own stack, never by recursion.
 *
 * @module
 */

/** How deep any JSON document the kit reads may nest (`[[1]]` is 2). */
export const MAX_JSON_DEPTH = 64;

/** How deep a plugin's (or any probe's) result may nest, so a report holding it stays within {@link MAX_JSON_DEPTH}. */
export const MAX_RESULT_DEPTH = 32;

/** JSON that parses but breaks a limit: too deep, or a member named twice. */
export class JsonShapeError extends SyntaxError {
  /**
   * @param message in English, without the document's name (callers name it)
   * @param ja the same in Japanese
   */
  constructor(message: string, readonly ja: string) {
    super(message);
    this.name = "JsonShapeError";
  }
}

/**
 * Parses `text` as JSON within the limits.
 *
 * @throws {SyntaxError} when it is not JSON (JSON.parse's message)
 * @throws {JsonShapeError} when it nests deeper than `maxDepth` or repeats a member name
 * @example
 * ```ts
 * import { parseJson } from "./json_text.ts";
 * parseJson('{"a":[1,2]}'); // { a: [1, 2] }
 * try { parseJson("[".repeat(100) + "]".repeat(100)); } catch (e) { (e as Error).message; }
 * // "nested deeper than 64 levels (the limit), at character 64"
 * ```
 */
export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  const value = JSON.parse(text);
  checkJsonText(text, maxDepth);
  return value;
}

/**
 * Checks text that JSON.parse accepted: its depth and that no object repeats a member name.
 *
 * @throws {JsonShapeError} naming the limit or the repeated name and where it is
 */
export function checkJsonText(text: string, maxDepth = MAX_JSON_DEPTH): void {
  // One entry per open container: the member names seen so far, or null for an array.
  const open: (Set<string> | null)[] = [];
  let expectKey = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      const top = open[open.length - 1];
      if (top && expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes("\\") ? JSON.parse(text.slice(i, end + 1)) as string : raw;
        if (top.has(key)) {
          const shown = JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key);
          throw new JsonShapeError(
            `an object names the member ${shown} twice, at character ${i}`,
            `オブジェクトに同じメンバー ${shown} が 2 回あります (${i} 文字目)`,
          );
        }
        top.add(key);
        expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (open.length >= maxDepth) {
        throw new JsonShapeError(
          `nested deeper than ${maxDepth} levels (the limit), at character ${i}`,
          `入れ子が上限の ${maxDepth} 段を超えています (${i} 文字目)`,
        );
      }
      open.push(c === 0x7b ? new Set() : null);
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      open.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = open[open.length - 1] != null;
    }
    i++;
  }
}

/** Index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return text.length; // cannot happen in text JSON.parse accepted
    let slashes = 0;
    for (let k = q - 1; k > start && text.charCodeAt(k) === 0x5c; k--) slashes++;
    if (slashes % 2 === 0) return q;
    j = q + 1;
  }
}

/**
 * True when `value` nests deeper than `maxDepth` (arrays and plain objects count; a cycle
 * counts as too deep). Walks at most `maxNodes` values, and counts a value past that as too
 * deep as well, so a hostile graph of shared references cannot make it run for ever.
 *
 * @example
 * ```ts
 * import { nestsDeeperThan } from "./json_text.ts";
 * nestsDeeperThan({ a: [[1]] }, 3); // false
 * nestsDeeperThan({ a: [[[1]]] }, 3); // true
 * ```
 */
export function nestsDeeperThan(value: unknown, maxDepth: number, maxNodes = 10_000_000): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth + 1 > maxDepth || ++nodes > maxNodes) return true;
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    for (const child of children) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return false;
}
