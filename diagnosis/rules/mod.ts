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
import { dnsTypeFailed } from "./dns_types.ts";
import { gatewayDelay, gatewayLoss, gatewayUnreachable } from "./gateway.ts";
import { ipv4Broken } from "./ipv4.ts";
import { ipv6Broken } from "./ipv6.ts";
import { accessType, proxyInUse } from "./notes.ts";
import { proxyFailed, proxyNeedsAuth } from "./proxy.ts";
import { beyondAccess, bufferbloat, slowLine } from "./speed.ts";
import { clockSkew, tlsFailed, tlsIntercepted } from "./trust.ts";
import { wifiWeak } from "./wifi.ts";
import { hopRateLimited, pathDelay, pathLoss } from "./path.ts";
import { noDefaultGateway, noUsableInterface } from "./lan.ts";
import { mtuBlackHole, transferStalled } from "./mtu.ts";
import { badHttpStatus, namesUnresolved, unreachable } from "./reach.ts";
import { pluginResults } from "./plugin.ts";
import type { Rule } from "./rule.ts";
import { slowResponses } from "./slow.ts";

/** The rules the diagnosis applies. */
export const RULES: readonly Rule[] = [
  clockSkew,
  tlsIntercepted,
  noUsableInterface,
  noDefaultGateway,
  wifiWeak,
  gatewayUnreachable,
  gatewayLoss,
  gatewayDelay,
  captivePortal,
  pathLoss,
  bufferbloat,
  slowLine,
  beyondAccess,
  pathDelay,
  hopRateLimited,
  dnsNotConfigured,
  ownResolverFailed,
  dnsAnswersWrong,
  dnsTypeFailed,
  dnsAllFailed,
  dnsSlow,
  otherResolverSilent,
  unreachable,
  namesUnresolved,
  badHttpStatus,
  slowResponses,
  transferStalled,
  mtuBlackHole,
  ipv4Broken,
  ipv6Broken,
  tlsFailed,
  accessType,
  proxyFailed,
  proxyInUse,
  proxyNeedsAuth,
  pluginResults,
];
