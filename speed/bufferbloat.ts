/**
 * The bufferbloat grade: how much latency the line adds when it is loaded, compared with
 * the idle baseline. Breakpoints as the issue sets them (the same as the Waveform
 * bufferbloat test): A+ below 5 ms added, A below 30, B below 60, C below 200, D below 400,
 * F otherwise.
 *
 * @module
 */

/** Bufferbloat grades, best first. */
export const BUFFERBLOAT_GRADES = ["A+", "A", "B", "C", "D", "F"] as const;
/** One bufferbloat grade. */
export type BufferbloatGrade = typeof BUFFERBLOAT_GRADES[number];

const LIMITS: readonly [number, BufferbloatGrade][] = [
  [5, "A+"],
  [30, "A"],
  [60, "B"],
  [200, "C"],
  [400, "D"],
];

/** Grades `addedMs` (loaded minus idle latency; negative counts as 0). */
export function bufferbloatGrade(addedMs: number): BufferbloatGrade {
  const added = Math.max(0, addedMs);
  for (const [limit, grade] of LIMITS) if (added < limit) return grade;
  return "F";
}

/** The worse of two grades (null when both are unknown). */
export function worseGrade(
  a: BufferbloatGrade | null,
  b: BufferbloatGrade | null,
): BufferbloatGrade | null {
  if (a === null) return b;
  if (b === null) return a;
  return BUFFERBLOAT_GRADES.indexOf(a) >= BUFFERBLOAT_GRADES.indexOf(b) ? a : b;
}
