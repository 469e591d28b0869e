/**
 * The diagnosis: probe results → findings → a verdict per segment and a headline.
 *
 * Causal order: a fault upstream explains failures downstream (no gateway ⇒ DNS and
 * internet failures are consequences). The headline names the first failing segment; the
 * failures it explains are marked `consequenceOf` it.
 *
 * @module
 */
import { isMeasured, type ProbeResult, type Segment, SEGMENTS } from "../probes/types.ts";
import { RULES } from "./rules/mod.ts";
import type { Rule, RuleFinding } from "./rules/rule.ts";
import type { Diagnosis, Finding, Verdict } from "./schema.ts";

const SEGMENT_NAMES: Record<Segment, { ja: string; en: string }> = {
  device: { ja: "端末", en: "device" },
  lan: { ja: "宅内 LAN / Wi-Fi", en: "home LAN / Wi-Fi" },
  isp: { ja: "プロバイダー / 回線", en: "provider / access line" },
  dns: { ja: "DNS", en: "DNS" },
  internet: { ja: "インターネット", en: "internet" },
  service: { ja: "サービス", en: "service" },
};

/** Diagnoses `results` with `rules` (default: all of them). Pure. */
export function diagnose(
  results: readonly ProbeResult[],
  rules: readonly Rule[] = RULES,
): Diagnosis {
  const input = { results: new Map(results.map((r) => [r.id, r])) };
  const raw = rules.flatMap((rule) => rule(input));
  const rank = (f: RuleFinding) => SEGMENTS.indexOf(f.causalAt ?? f.segment);
  const seen = new Map<string, number>();
  const ordered = raw
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => {
      const n = (seen.get(f.id) ?? 0) + 1;
      seen.set(f.id, n);
      return n === 1 ? f : { ...f, id: `${f.id}#${n}` };
    });
  const root = ordered.find((f) => f.severity === "fail");
  const findings: Finding[] = ordered.map((f) => {
    const { causalAt: _c, explainedBy, ...plain } = f;
    const cause = explainedBy
      ? ordered.find((g) => g.segment === explainedBy && g.severity === "fail")
      : undefined;
    if (cause && cause !== f) return { ...plain, consequenceOf: cause.id };
    const explained = root && f !== root && f.severity === "fail" && rank(f) > rank(root);
    return explained ? { ...plain, consequenceOf: root.id } : plain;
  });

  const measuredSegments = new Set<Segment>();
  for (const r of results) {
    if (isMeasured(r.status)) measuredSegments.add(r.segment);
    for (const t of (r.data.targets as Array<{ segment?: Segment }> | undefined) ?? []) {
      if (isMeasured(r.status) && t.segment) measuredSegments.add(t.segment);
    }
  }
  const segments = Object.fromEntries(SEGMENTS.map((s) => {
    const mine = findings.filter((f) => f.segment === s);
    const verdict: Verdict = mine.some((f) => f.severity === "fail")
      ? "fail"
      : mine.some((f) => f.severity === "warn")
      ? "warn"
      : measuredSegments.has(s)
      ? "ok"
      : "unknown";
    return [s, { verdict, findings: mine.map((f) => f.id), summary: segmentSummary(s, verdict) }];
  })) as Diagnosis["segments"];

  const headlineFinding = findings.find((f) => f.severity === "fail" && !f.consequenceOf) ??
    findings.find((f) => f.severity === "warn" && !f.consequenceOf);
  return {
    headline: headlineFinding
      ? {
        segment: headlineFinding.segment,
        finding: headlineFinding.id,
        text: headlineFinding.title,
      }
      : {
        segment: null,
        finding: null,
        text: measuredSegments.size > 0
          ? { ja: "問題は見つかりませんでした", en: "No problem was found" }
          : { ja: "何も測定できませんでした", en: "Nothing could be measured" },
      },
    segments,
    findings,
  };
}

function segmentSummary(s: Segment, v: Verdict): { ja: string; en: string } {
  const n = SEGMENT_NAMES[s];
  switch (v) {
    case "ok":
      return { ja: `${n.ja}: 問題なし`, en: `${n.en}: no problem found` };
    case "warn":
      return { ja: `${n.ja}: 注意が必要です`, en: `${n.en}: needs attention` };
    case "fail":
      return { ja: `${n.ja}: 問題があります`, en: `${n.en}: fault found` };
    default:
      return { ja: `${n.ja}: 測定していません`, en: `${n.en}: not measured` };
  }
}

/** Names of the segments in both languages, for renderers. */
export { SEGMENT_NAMES };
