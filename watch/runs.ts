/**
 * Runs of consecutive samples that share a condition: the raw material of events. A single
 * sample that breaks a run may be bridged — with eight echoes at 30 % loss, one sample in
 * twenty loses none by chance, and a window must not split in two because of it.
 *
 * @module
 */

/** A run: `start` ≤ i < `end` over the sample indices. */
export interface Run {
  start: number;
  end: number;
}

/**
 * Maximal runs of `true` in `flags`; with `bridge`, one `false` between two `true`s joins them.
 *
 * @example
 * ```ts
 * import { runsOf } from "./runs.ts";
 * runsOf([true, true, false, true, false, false, true], true);
 * // [{ start: 0, end: 4 }, { start: 6, end: 7 }]
 * ```
 */
export function runsOf(flags: readonly boolean[], bridge = false): Run[] {
  const out: Run[] = [];
  let i = 0;
  while (i < flags.length) {
    if (!flags[i]) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    while (end < flags.length) {
      if (flags[end]) end++;
      else if (bridge && flags[end + 1]) end += 2;
      else break;
    }
    out.push({ start, end });
    i = end;
  }
  return out;
}
