/**
 * Each probe's details: status, summary, duration, why it was skipped or failed, its data
 * (charts and tables) and its raw evidence, collapsed.
 *
 * @module
 */
import { type ProbeResult, SEGMENT_NAMES } from "../../probes/types.ts";
import type { Report } from "../schema.ts";
import { ProbeEvidence } from "./evidence/mod.tsx";
import { formatMs } from "./format.ts";
import { STATUS_TEXT, UI } from "./i18n.ts";
import type { Lang } from "../../util/text.ts";

/** Anchor id of a probe's card. */
export function probeAnchor(id: string): string {
  return `probe-${id.replace(/[^A-Za-z0-9_.-]/g, "_")}`;
}

/** All probe cards, with a small index table first. */
export function ProbesSection(props: { report: Report; lang: Lang }) {
  const { report, lang } = props;
  return (
    <section class="probes" aria-labelledby="probes-title">
      <h2 class="section-title" id="probes-title">{UI.probeIndex[lang]}</h2>
      <div class="table-wrap" role="region" aria-label={UI.details[lang]} tabindex={0}>
        <table class="grid-table probe-index">
          <thead>
            <tr>
              <th scope="col">{UI.probe[lang]}</th>
              <th scope="col">{UI.segment[lang]}</th>
              <th scope="col">{UI.status[lang]}</th>
              <th scope="col">{UI.duration[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {report.probes.map((p) => (
              <tr>
                <td>
                  <a href={`#${probeAnchor(p.id)}`}>{p.title[lang]}</a>
                </td>
                <td>{SEGMENT_NAMES[p.segment][lang]}</td>
                <td>
                  <span class={`pill st-${p.status}`}>{STATUS_TEXT[p.status][lang]}</span>
                </td>
                <td class="num">{formatMs(p.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.probes.map((p) => <ProbeCard key={p.id} result={p} lang={lang} />)}
    </section>
  );
}

function ProbeCard(props: { result: ProbeResult; lang: Lang }) {
  const { result: p, lang } = props;
  return (
    <article class={`probe st-${p.status}`} id={probeAnchor(p.id)}>
      <header>
        <h3>{p.title[lang]}</h3>
        <span class={`pill st-${p.status}`}>{STATUS_TEXT[p.status][lang]}</span>
        <span class="muted right">{formatMs(p.durationMs)}</span>
      </header>
      <p class="probe-id muted">
        <code translate="no">{p.id}</code>
        {p.source !== "builtin"
          ? (
            <>
              {" · "}
              {UI.plugin[lang]}: <span translate="no">{p.source}</span>
            </>
          )
          : ""}
      </p>
      {p.summary ? <p>{p.summary[lang]}</p> : null}
      {p.reason ? <p class="muted">{p.reason[lang]}</p> : null}
      {p.error ? <pre class="error">{`${p.error.name}: ${p.error.message}`}</pre> : null}
      <ProbeEvidence result={p} lang={lang} />
      {Object.keys(p.data).length
        ? (
          <details class="raw">
            <summary>{UI.rawData[lang]}</summary>
            <pre translate="no" tabindex={0}>{JSON.stringify(p.data, null, 2)}</pre>
          </details>
        )
        : null}
      {p.evidence.map((e) => (
        <details class="raw">
          <summary>
            {UI.rawEvidence[lang]}: <span translate="no">{e.label}</span>
          </summary>
          <pre translate="no" tabindex={0}>{e.text}</pre>
        </details>
      ))}
    </article>
  );
}
