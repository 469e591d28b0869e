/**
 * IPv6 broken while IPv4 works: the device has IPv6 and the targets have IPv6 addresses, but
 * IPv6 does not get through. Applications then wait before falling back to IPv4 (Happy
 * Eyeballs waits 250 ms, RFC 8305 §5; an app that tries one address at a time waits for the
 * OS connect timeout), so pages load slowly or some apps fail. Judged from every probe that
 * tried targets over both families (`families.ts`); worded in `family_finding.ts`.
 *
 * @module
 */
import { familyBreak } from "./families.ts";
import { familyFinding } from "./family_finding.ts";
import type { Rule } from "./rule.ts";

/** IPv6 fails to every dual-stack target that IPv4 reaches. */
export const ipv6Broken: Rule = (input) => {
  const b = familyBreak(input, 6);
  return b ? [familyFinding(b)] : [];
};
