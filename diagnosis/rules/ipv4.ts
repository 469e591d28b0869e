/**
 * IPv4 broken while IPv6 works: every target reached over IPv6 fails over IPv4. On Japanese
 * lines that carry IPv4 inside IPv6 (MAP-E, DS-Lite) that is the router's tunnel or the
 * provider's IPv4 gateway; where the provider's own servers still answer over IPv4, it is
 * the provider's IPv4 way out to the internet. Sites with IPv6 keep working (a browser
 * falls back within a quarter second); sites with only IPv4 are out of reach. Judged in
 * `families.ts`, worded in `family_finding.ts`.
 *
 * @module
 */
import { familyBreak } from "./families.ts";
import { familyFinding } from "./family_finding.ts";
import type { Rule } from "./rule.ts";

/** IPv4 fails to every dual-stack target that IPv6 reaches. */
export const ipv4Broken: Rule = (input) => {
  const b = familyBreak(input, 4);
  return b ? [familyFinding(b)] : [];
};
