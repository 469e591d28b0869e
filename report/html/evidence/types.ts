/**
 * The contract of an evidence view: a component that takes one probe's result and a
 * language, and nothing else (no global state), so the local pages, the single-file report
 * and the provider's console can all embed it.
 *
 * @module
 */
import type { JSX } from "hono/jsx/jsx-runtime";
import type { ProbeResult } from "../../../probes/types.ts";
import type { Lang } from "../../../util/text.ts";

/** What every evidence view gets. */
export interface EvidenceProps {
  result: ProbeResult;
  lang: Lang;
}

/**
 * A view of one probe's data. Returns null when the data is not in a shape it knows (an
 * older or newer report, or nothing measured): the generic view then shows it.
 */
export type EvidenceView = (props: EvidenceProps) => JSX.Element | null;
