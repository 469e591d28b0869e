/**
 * The diagnosis: probe results → findings (the rules) → causal order (`causal.ts`) → a
 * verdict per segment and the headline.
 *
 * A segment whose every fault is a consequence of a fault upstream still shows `fail` or
 * `warn` (it does not work for the customer), but names the finding that explains it in
 * `explainedBy`, and its summary says so.
 *
 * @module
 */
import {
  isMeasured,
  type ProbeResult,
  type Segment,
  SEGMENT_NAMES,
  SEGMENTS,
} from "../probes/types.ts";
import { orderCausally } from "./causal.ts";
import { RULES } from "./rules/mod.ts";
import type { Rule } from "./rules/rule.ts";
import type { Localized } from "../util/text.ts";
import type { Diagnosis, Finding, Verdict } from "./schema.ts";

type Confidence = Finding["confidence"];
const CONFIDENCE: readonly Confidence[] = ["low", "medium", "high"];

/** Diagnoses `results` with `rules` (default: all of them). Pure. */
export function diagnose(
  results: readonly ProbeResult[],
  rules: readonly Rule[] = RULES,
): Diagnosis {
  const input = { results: new Map(results.map((r) => [r.id, r])) };
  const { findings, headline } = orderCausally(rules.flatMap((rule) => rule(input)));
  const byId = new Map(findings.map((f) => [f.id, f]));
  const evidenceCount = measuredBySegment(results);

  const segments = Object.fromEntries(SEGMENTS.map((s) => {
    const mine = findings.filter((f) => f.segment === s);
    const faults = mine.filter((f) => f.severity !== "info");
    const verdict: Verdict = faults.some((f) => f.severity === "fail")
      ? "fail"
      : faults.length
      ? "warn"
      : evidenceCount.get(s)
      ? "ok"
      : "unknown";
    const own = faults.filter((f) => !f.consequenceOf);
    const explainedBy = faults.length && own.length === 0 ? faults[0].consequenceOf : undefined;
    const cause = explainedBy ? byId.get(explainedBy) : undefined;
    const confidence = verdict === "unknown"
      ? undefined
      : verdict === "ok"
      ? (evidenceCount.get(s)! > 1 ? "high" : "medium")
      : strongest((own.length ? own : cause ? [cause] : faults).map((f) => f.confidence));
    return [s, {
      verdict,
      findings: mine.map((f) => f.id),
      summary: segmentSummary(s, verdict, cause?.segment),
      ...(confidence ? { confidence } : {}),
      ...(explainedBy ? { explainedBy } : {}),
    }];
  })) as Diagnosis["segments"];

  return {
    headline: headline
      ? {
        segment: headline.segment,
        finding: headline.id,
        text: headline.title,
        confidence: headline.confidence,
      }
      : {
        segment: null,
        finding: null,
        text: evidenceCount.size > 0
          ? { ja: "問題は見つかりませんでした", en: "No problem was found" }
          : { ja: "何も測定できませんでした", en: "Nothing could be measured" },
      },
    segments,
    findings,
  };
}

/** How many measured results speak about each segment (a probe's own, or its targets'). */
function measuredBySegment(results: readonly ProbeResult[]): Map<Segment, number> {
  const count = new Map<Segment, number>();
  const add = (s: Segment) => count.set(s, (count.get(s) ?? 0) + 1);
  for (const r of results) {
    if (!isMeasured(r.status)) continue;
    const segs = new Set<Segment>([r.segment]);
    const targets = (r.data as { targets?: unknown }).targets;
    if (Array.isArray(targets)) {
      for (const t of targets) {
        const seg = (t as { segment?: unknown })?.segment;
        if (typeof seg === "string" && (SEGMENTS as readonly string[]).includes(seg)) {
          segs.add(seg as Segment);
        }
      }
    }
    segs.forEach(add);
  }
  return count;
}

function strongest(cs: readonly Confidence[]): Confidence | undefined {
  return cs.length ? CONFIDENCE[Math.max(...cs.map((c) => CONFIDENCE.indexOf(c)))] : undefined;
}

function segmentSummary(s: Segment, v: Verdict, causeSegment?: Segment): Localized {
  const n = SEGMENT_NAMES[s];
  if (causeSegment && (v === "fail" || v === "warn")) {
    const c = SEGMENT_NAMES[causeSegment];
    return {
      ja: `${n.ja}: 「${c.ja}」の問題の影響を受けています`,
      en: `${n.en}: affected by the fault in “${c.en}”`,
    };
  }
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
