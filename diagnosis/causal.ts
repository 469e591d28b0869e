/**
 * Causal order: which findings are faults and which are their consequences, and which
 * fault the headline names.
 *
 * A fault `g` explains a finding `f` when `g` sits before `f` on the path and what `g`
 * breaks is what `f` suffers from:
 * - a broken `path` explains every failure beyond it (no gateway ⇒ DNS, internet and
 *   service failures are consequences, not separate faults);
 * - broken `quality` (loss, delay) explains quality problems beyond it;
 * - broken `names` explains lookups that failed or went astray, wherever they point
 *   (the provider's DNS is down ⇒ "www cannot be reached" is its consequence);
 * - broken `tls` and `stall` explain TLS failures and stalled transfers beyond them.
 *
 * "Before" is the order of places (device, lan, isp, internet, service); at the same
 * place, a broken path comes before anything that is not itself a broken path (the
 * provider's network is down ⇒ the provider's resolver failing is its consequence), and
 * other breakage before the findings of later segments (a saturated line at the provider
 * ⇒ lookups through the provider's resolver time out).
 *
 * The headline is the unexplained fault with the highest severity, then the one nearest
 * the customer, then the earliest segment. Pure.
 *
 * @module
 */
import { SEGMENTS } from "../probes/types.ts";
import { defaultLocation, type FailureKind, LOCATIONS, type RuleFinding } from "./rules/rule.ts";
import type { Finding } from "./schema.ts";

/** The ordered findings and the one the headline names. */
export interface CausalOrder {
  /** Findings in reading order (root faults first), with `consequenceOf` set; ids unique. */
  findings: Finding[];
  /** The finding the headline names, or null when nothing is wrong. */
  headline: Finding | null;
}

const SEVERITY = { fail: 0, warn: 1, info: 2 } as const;

interface Node {
  f: RuleFinding;
  order: number;
  place: number;
  seg: number;
  symptom: FailureKind | null;
}

/** Orders `raw` findings causally. */
export function orderCausally(raw: readonly RuleFinding[]): CausalOrder {
  const seen = new Map<string, number>();
  const nodes: Node[] = raw.map((f, order) => {
    const n = (seen.get(f.id) ?? 0) + 1;
    seen.set(f.id, n);
    return {
      f: n === 1 ? f : { ...f, id: `${f.id}#${n}` },
      order,
      place: LOCATIONS.indexOf(f.at ?? defaultLocation(f.segment)),
      seg: SEGMENTS.indexOf(f.segment),
      symptom: f.severity === "info"
        ? null
        : f.symptom ?? (f.severity === "fail" ? "path" : "quality"),
    };
  });
  const faults = nodes.filter((n) => n.f.severity !== "info").sort(byImportance);
  const explainer = new Map<Node, Node>();
  for (const f of faults) {
    const g = faults.find((g) => explains(g, f));
    if (g) explainer.set(f, g);
  }
  const rootOf = (n: Node): Node => {
    let r = n;
    for (let hops = 0; explainer.has(r) && hops < nodes.length; hops++) r = explainer.get(r)!;
    return r;
  };
  const roots = faults.filter((n) => !explainer.has(n));
  const ordered = [
    ...roots,
    ...faults.filter((n) => explainer.has(n)),
    ...nodes.filter((n) => n.f.severity === "info").sort((a, b) => a.order - b.order),
  ];
  const findings = ordered.map((n) => {
    const { at: _a, breaks: _b, symptom: _s, ...plain } = n.f;
    return explainer.has(n) ? { ...plain, consequenceOf: rootOf(n).f.id } : plain;
  });
  return { findings, headline: roots.length ? findings[0] : null };
}

/** Most important first: severity, then nearest the customer, then segment, then rule order. */
function byImportance(a: Node, b: Node): number {
  return SEVERITY[a.f.severity] - SEVERITY[b.f.severity] || a.place - b.place ||
    a.seg - b.seg || a.order - b.order;
}

function explains(g: Node, f: Node): boolean {
  if (g === f || !g.f.breaks || !f.symptom) return false;
  const kind = g.f.breaks;
  if (kind === "names") return f.symptom === "names" && g.symptom !== "names";
  // At the same place a broken path comes first; other breakage comes before the findings
  // of later segments (a saturated access line before the lookups it delays).
  const before = g.place < f.place ||
    (g.place === f.place && f.f.breaks !== kind &&
      (kind === "path" ? f.f.breaks !== "path" : g.seg < f.seg));
  if (!before) return false;
  return kind === "path" || kind === f.symptom;
}
