/**
 * Evidence trimming: raw command output can be long; support needs the head (what was run
 * and the first answers) and the tail (the summary), not megabytes.
 *
 * @module
 */
import type { Evidence } from "../types.ts";

/** Longest evidence text kept, in characters. */
export const MAX_EVIDENCE_CHARS = 8000;

/** Trims each evidence text to {@link MAX_EVIDENCE_CHARS}, keeping head and tail. */
export function trimEvidence(items: readonly Evidence[], max = MAX_EVIDENCE_CHARS): Evidence[] {
  return items.map((e) => {
    const text = e.text.trimEnd();
    if (text.length <= max) return { label: e.label, text };
    const half = Math.floor((max - 40) / 2);
    const cut = text.length - 2 * half;
    return {
      label: e.label,
      text: `${text.slice(0, half)}\n… [${cut} characters trimmed] …\n${text.slice(-half)}`,
    };
  });
}
