/**
 * Every diagnosis rule, in one list. A new rule is one function plus one line here.
 *
 * @module
 */
import {
  dnsAllFailed,
  dnsNotConfigured,
  dnsSlow,
  otherResolverSilent,
  ownResolverFailed,
} from "./dns.ts";
import { captivePortal } from "./captive.ts";
import { dnsAnswersWrong } from "./dns_answers.ts";
import { ipv6Broken } from "./ipv6.ts";
import { noDefaultGateway, noUsableInterface } from "./lan.ts";
import { mtuBlackHole, transferStalled } from "./mtu.ts";
import { badHttpStatus, namesUnresolved, unreachable } from "./reach.ts";
import type { Rule } from "./rule.ts";
import { slowResponses } from "./slow.ts";

/** The rules the diagnosis applies. */
export const RULES: readonly Rule[] = [
  noUsableInterface,
  noDefaultGateway,
  captivePortal,
  dnsNotConfigured,
  ownResolverFailed,
  dnsAnswersWrong,
  dnsAllFailed,
  dnsSlow,
  otherResolverSilent,
  unreachable,
  namesUnresolved,
  badHttpStatus,
  slowResponses,
  transferStalled,
  mtuBlackHole,
  ipv6Broken,
];
