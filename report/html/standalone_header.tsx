/**
 * The top bar of the single-file report: product, provider and report id, no links.
 *
 * @module
 */
import type { Report } from "../schema.ts";
import { UI } from "./i18n.ts";
import type { Lang } from "../../util/text.ts";

/** The header. */
export function StandaloneHeader(props: { report: Report; lang: Lang }) {
  const b = props.report.tool.brand;
  return (
    <header class="topbar">
      <div class="topbar-in">
        <span class="brand">
          <span class="brand-mark" aria-hidden="true">✓</span>
          {b.product} <small>{UI.reportTitle[props.lang]}</small>
        </span>
        <span class="nav muted">{b.provider}</span>
      </div>
    </header>
  );
}
