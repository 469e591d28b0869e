/**
 * The facts about a report: id, time, tool, environment, consent and terms, and its
 * integrity said honestly. A page served by the kit says the digest was checked when the
 * report was opened (it was); a saved or e-mailed HTML file cannot vouch for itself, so it
 * carries the digest and how to check it with `kiriwake report verify`, never a tick.
 *
 * @module
 */
import type { Report } from "../schema.ts";
import { formatTime } from "./format.ts";
import { CATEGORY_NAMES, UI } from "./i18n.ts";
import type { Lang } from "../../util/text.ts";

/** The report's facts as a definition list, and its integrity. */
export function MetaSection(props: { report: Report; lang: Lang; verified?: boolean }) {
  const { report: r, lang } = props;
  const cats = (list: readonly string[]) =>
    list.map((c) => CATEGORY_NAMES[c]?.[lang] ?? c).join(lang === "ja" ? "、" : ", ") || "–";
  const rows: [string, string][] = [
    [UI.reportId[lang], r.id],
    [UI.created[lang], formatTime(r.createdAt, lang)],
    [UI.tool[lang], `${r.tool.brand.product} ${r.tool.version} (${r.tool.target})`],
    [
      UI.environment[lang],
      [r.environment.os, r.environment.osRelease, r.environment.arch, r.environment.locale]
        .filter(Boolean).join(" · "),
    ],
    [UI.consent[lang], cats(r.consent.granted)],
    [UI.refused[lang], cats(r.consent.refused)],
    [UI.terms[lang], `${r.terms.version} (${r.terms.language === "ja" ? "日本語" : "English"})`],
  ];
  const plain = new Set<string>([UI.consent[lang], UI.refused[lang]]);
  return (
    <section class="meta" aria-labelledby="meta-title">
      <h2 class="section-title" id="meta-title">{UI.aboutReport[lang]}</h2>
      <dl>
        {rows.map(([k, v]) => (
          <div>
            <dt>{k}</dt>
            <dd>{plain.has(k) ? v : <span translate="no">{v}</span>}</dd>
          </div>
        ))}
      </dl>
      <div class="integrity">
        {props.verified
          ? <p class="verified">✓ {UI.integrityChecked[lang]}</p>
          : <p>{UI.integrityHowTo[lang]}</p>}
        <p class="small">
          SHA-256: <code class="digest" translate="no">{r.digest.value}</code>
        </p>
        {props.verified
          ? null
          : <pre class="command" translate="no">kiriwake report verify {`${r.id}.json`}</pre>}
      </div>
    </section>
  );
}
