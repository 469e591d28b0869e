/**
 * Plugin results in the diagnosis: a plugin probe judges its own service, so a `fail` or
 * `warn` it returns is a finding of its declared segment, and a plugin that could not
 * measure is noted for support without moving any verdict.
 *
 * @module
 */
import { pluginProbeId, type Rule, type RuleFinding } from "./rule.ts";

const ADVICE = {
  ja: "このレポートを添えて、ご契約のプロバイダーに連絡してください。",
  en: "Contact your provider with this report.",
};

/** One finding per plugin result that failed, warned, errored or timed out. */
export const pluginResults: Rule = (input) => {
  const out: RuleFinding[] = [];
  for (const r of input.results.values()) {
    if (r.source === "builtin") continue;
    if (r.status === "fail" || r.status === "warn") {
      const summary = r.summary ?? r.title;
      out.push({
        id: `${r.segment}.plugin.${r.id}`,
        segment: r.segment,
        severity: r.status,
        confidence: "medium",
        title: { ja: `${r.title.ja}: ${summary.ja}`, en: `${r.title.en}: ${summary.en}` },
        detail: r.reason ?? summary,
        advice: ADVICE,
        technical: `plugin ${r.id} (publisher ${r.source}): ${r.status}`,
        evidence: [{ probe: pluginProbeId(r.id) }],
      });
    } else if (r.status === "error" || r.status === "timeout") {
      const why = r.reason ?? { ja: "不明", en: "unknown" };
      out.push({
        id: `${r.segment}.plugin-not-measured.${r.id}`,
        segment: r.segment,
        severity: "info",
        confidence: "high",
        title: {
          ja: `${r.title.ja}: 測定できませんでした`,
          en: `${r.title.en}: could not measure`,
        },
        detail: why,
        advice: ADVICE,
        technical: `plugin ${r.id} (publisher ${r.source}): ${r.status}${
          r.error ? ` ${r.error.name}: ${r.error.message}` : ""
        }`,
        evidence: [{ probe: pluginProbeId(r.id) }],
      });
    }
  }
  return out;
};
