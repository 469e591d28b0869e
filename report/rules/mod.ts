/**
 * Every diagnosis rule, in one list. A new rule is one function plus one line here.
 *
 * @module
 */
import { dnsAllFailed, dnsResolverFailed, dnsSlow } from "./dns.ts";
import { noDefaultGateway, noUsableInterface } from "./lan.ts";
import { pluginResults } from "./plugin.ts";
import { badHttpStatus, unreachable } from "./reach.ts";
import type { Rule } from "./rule.ts";

/** The rules the diagnosis applies. */
export const RULES: readonly Rule[] = [
  noUsableInterface,
  noDefaultGateway,
  dnsAllFailed,
  dnsResolverFailed,
  dnsSlow,
  unreachable,
  badHttpStatus,
  pluginResults,
];
