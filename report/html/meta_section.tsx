/**
 * The facts about a report: id, time, tool, environment, consent and terms, integrity.
 *
 * @module
 */
import type { Report } from "../schema.ts";
import { formatTime } from "./format.ts";
import { UI } from "./i18n.ts";
import type { Lang } from "../../util/text.ts";

/** The report's facts as a definition list. */
export function MetaSection(props: { report: Report; lang: Lang; verified?: boolean }) {
  const { report: r, lang } = props;
  const rows: [string, string][] = [
    [UI.reportId[lang], r.id],
    [UI.created[lang], formatTime(r.createdAt, lang)],
    [UI.tool[lang], `${r.tool.brand.product} ${r.tool.version} (${r.tool.target})`],
    [
      UI.environment[lang],
      [r.environment.os, r.environment.osRelease, r.environment.arch, r.environment.locale]
        .filter(Boolean).join(" · "),
    ],
    [UI.consent[lang], r.consent.granted.join(", ") || "–"],
    [UI.refused[lang], r.consent.refused.join(", ") || "–"],
    [UI.terms[lang], `${r.terms.version} (${r.terms.language}, ${r.terms.sha256.slice(0, 12)}…)`],
    ["SHA-256", r.digest.value],
  ];
  return (
    <section class="meta" aria-label={UI.reportId[lang]}>
      {props.verified ? <p class="verified">✓ {UI.integrityOk[lang]}</p> : null}
      <dl>
        {rows.map(([k, v]) => (
          <div>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
