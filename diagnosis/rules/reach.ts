/**
 * Reachability rules over the configured targets, per segment they speak for (`isp`: the
 * provider's own servers; `internet`: anchors and sites beyond it; `service`: the service
 * the customer cares about): nothing answers, some do not, names do not resolve.
 *
 * A segment none of whose targets answers on the path breaks the path there: everything
 * beyond it (and every resolver there) failing is its consequence. Targets that failed only
 * because their names did not resolve say nothing about the path; they are one DNS symptom.
 * Targets tried only over an IP family found broken (`families.ts`, e.g. an IPv4 address
 * while IPv4 fails and IPv6 works) are that finding's, not "a problem of those sites".
 *
 * @module
 */
import { advise, CONTACT_PROVIDER, RESTART_ROUTER, SERVICE_SIDE } from "./advice.ts";
import { brokenFamilies } from "./families.ts";
import { failureRate } from "../../util/stats.ts";
import { asNote, lossUnsettled, MAYBE_LOSS, ONE_FAILURE } from "./corroborate.ts";
import { dnsView } from "./dns_view.ts";
import { lossSigns } from "./loss_signs.ts";
import type { Rule, RuleFinding } from "./rule.ts";
import { type TargetOutcome, targetOutcomes } from "./targets.ts";
import type { Localized } from "../../util/text.ts";

const PLACE: Record<TargetOutcome["segment"], Localized> = {
  isp: { ja: "プロバイダーのサーバー", en: "the provider's servers" },
  internet: { ja: "インターネット上の宛先", en: "destinations on the internet" },
  service: { ja: "サービス", en: "the service" },
};

const list = (ts: TargetOutcome[]) => [...new Set(ts.map((t) => t.name))].join(", ");

/** No (or only some) targets of a segment answer on the path. */
export const unreachable: Rule = (input) => {
  const all = targetOutcomes(input);
  const lossy = lossSigns(input).length > 0;
  // Targets tried only over an IP family that is broken say that, not that they are down.
  const broken = brokenFamilies(input);
  const onlyBroken = (o: TargetOutcome) =>
    !o.ok && o.families.length > 0 && o.families.every((f) => broken.has(f));
  // Silent targets in every segment, with none reached anywhere, corroborate one another:
  // the path is down.
  const pathJudged = all.filter((o) =>
    (o.ok || o.failure === "path" || o.failure === "refused") && !onlyBroken(o)
  );
  const pathDown = pathJudged.length >= 2 && pathJudged.every((o) => o.failure === "path");
  const findings: RuleFinding[] = [];
  for (const seg of ["isp", "internet", "service"] as const) {
    // Name failures and stalls say nothing about whether packets get through.
    const judged = all.filter((o) =>
      o.segment === seg && (o.ok || o.failure === "path" || o.failure === "refused") &&
      !onlyBroken(o)
    );
    const failed = judged.filter((o) => !o.ok);
    if (judged.length === 0 || failed.length === 0) continue;
    const allFailed = failed.length === judged.length;
    const silent = failed.filter((o) => o.failure === "path");
    const place = PLACE[seg];
    const rate = failureRate(failed.length, judged.length);
    // One silent target proves nothing (one lost SYN does it); a refusal is an answer.
    const corroborated = failed.length >= 2 || failed.some((o) => o.failure === "refused") ||
      (allFailed && pathDown);
    const finding: RuleFinding = {
      id: `${seg}.${allFailed ? "unreachable" : "partly-unreachable"}`,
      segment: seg,
      severity: allFailed ? "fail" : "warn",
      confidence: allFailed && judged.length > 1 ? "high" : "medium",
      title: allFailed
        ? { ja: `${place.ja}に接続できません`, en: `Cannot reach ${place.en}` }
        : { ja: `${place.ja}の一部に接続できません`, en: `Some of ${place.en} cannot be reached` },
      detail: {
        ja: `${judged.length} 件中 ${failed.length} 件に接続できませんでした: ${list(failed)}。`,
        en: `${failed.length} of ${judged.length} could not be reached: ${list(failed)}.`,
      },
      advice: seg === "service"
        ? SERVICE_SIDE
        : allFailed
        ? advise(RESTART_ROUTER, CONTACT_PROVIDER)
        : {
          ja: "特定の宛先だけの問題かもしれません。しばらくしてからもう一度お試しください。",
          en: "It may be a problem of those destinations only. Try again in a while.",
        },
      technical: `${seg}: ${failed.length}/${judged.length} targets failed (` +
        failed.map((o) => `${o.name}${o.address ? ` ${o.address}` : ""}: ${o.error ?? o.failure}`)
          .join("; ") +
        ")",
      evidence: byProbe(failed, (o) => ({ [o.name]: o.error ?? o.failure, rate })),
      // Every target silent: the network towards them is broken, not just the hosts.
      ...(allFailed && silent.length > 0 ? { breaks: "path" as const } : {}),
      // Targets that timed out while packets are being lost are loss victims (a refusal is
      // an answer, whatever the loss).
      symptom: lossy && silent.length === failed.length ? "quality" : "path",
    };
    findings.push(
      !corroborated
        ? asNote(finding, ONE_FAILURE)
        : !allFailed && lossUnsettled(input)
        ? asNote(finding, MAYBE_LOSS)
        : finding,
    );
  }
  return findings;
};

/** Targets that failed because their names did not resolve (or resolved astray). */
export const namesUnresolved: Rule = (input) => {
  const byName = targetOutcomes(input).filter((o) => !o.byIp);
  const failed = byName.filter((o) => o.failure === "names");
  if (failed.length === 0) return [];
  const allFailed = failed.length === byName.length;
  // Lookups that timed out while packets are being lost went with them.
  // No answer at all (timed out, or the resolver could not be reached), not an answer.
  const timedOut = failed.every((o) => /timeout|servfail-or-unreachable/.test(o.error ?? ""));
  const lossy = lossSigns(input).length > 0 && timedOut;
  const rate = failureRate(failed.length, byName.length);
  const finding: RuleFinding = {
    id: "dns.targets-unresolved",
    segment: "dns",
    severity: allFailed ? "fail" : "warn",
    confidence: "medium",
    title: {
      ja: "名前でサイトにアクセスできません",
      en: "Sites cannot be reached by their names",
    },
    detail: {
      ja: `次の宛先の名前を正しく引けませんでした: ${list(failed)}。`,
      en: `The names of these could not be resolved correctly: ${list(failed)}.`,
    },
    advice: advise(RESTART_ROUTER, CONTACT_PROVIDER),
    technical: `lookup failed or went astray for ${
      failed.map((o) => `${o.host} (${o.error ?? `address ${o.address}`})`).join(", ")
    }`,
    evidence: byProbe(failed, (o) => ({ [o.host]: o.error ?? o.address, rate })),
    symptom: lossy ? "quality" : "names",
  };
  // One lookup lost proves nothing, unless the name led astray (an answer, not chance) or
  // the device's own resolver, or the provider's it is set to ask, failed its lookups too.
  const ownFailed = (dnsView(input)?.lookups ?? []).some((l) =>
    l.probe === "dns.resolve" && (l.own || l.provider) && !l.ok
  );
  const corroborated = failed.length >= 2 || failed.some((o) => o.address !== null) ||
    ownFailed;
  if (!corroborated) return [asNote(finding, ONE_FAILURE)];
  if (timedOut && !allFailed && lossUnsettled(input)) return [asNote(finding, MAYBE_LOSS)];
  return [finding];
};

/** A web target answered, but not with the status it should (a captive redirect aside). */
export const badHttpStatus: Rule = (input) => {
  const all = targetOutcomes(input);
  return all.flatMap((o): RuleFinding[] => {
    const t = o.http;
    if (!t || !t.ok || t.healthy || isDiverted(o)) return [];
    // Of this segment's web answers, how many were errors: an answer, not chance.
    const answered = all.filter((x) => x.segment === o.segment && x.http?.ok && !isDiverted(x));
    const rate = failureRate(answered.filter((x) => !x.http!.healthy).length, answered.length);
    return [{
      id: `${o.segment}.http-status`,
      segment: o.segment,
      severity: (t.status ?? 0) >= 500 ? "fail" : "warn",
      confidence: "high",
      title: {
        ja: `${t.name} がエラーを返しています (${t.status})`,
        en: `${t.name} answers with an error (${t.status})`,
      },
      detail: {
        ja: `接続はできましたが、期待した応答 (${
          t.expectStatus ?? "2xx/3xx"
        }) ではなく ${t.status} が返りました。`,
        en: `The connection worked, but it answered ${t.status} instead of ${
          t.expectStatus ?? "2xx/3xx"
        }.`,
      },
      advice: SERVICE_SIDE,
      technical: `${t.url} -> HTTP ${t.status}${t.location ? ` Location: ${t.location}` : ""}`,
      evidence: [{ probe: "http.timing", values: { url: t.url, status: t.status, rate } }],
    }];
  });
};

/**
 * True for a plain-HTTP answer redirected to another host: what a captive portal does.
 * The captive-portal rule speaks for those.
 */
export function isDiverted(o: TargetOutcome): boolean {
  const t = o.http;
  if (!t || !t.url.startsWith("http:") || t.status === null || t.status < 300 || t.status > 399) {
    return false;
  }
  try {
    return !!t.location && new URL(t.location, t.url).host !== new URL(t.url).host;
  } catch {
    return false;
  }
}

/** Groups per-target values by the probe that measured them. */
export function byProbe(
  ts: TargetOutcome[],
  value: (o: TargetOutcome) => Record<string, unknown>,
): RuleFinding["evidence"] {
  return [...new Set(ts.map((o) => o.probe))].map((probe) => ({
    probe,
    values: Object.assign({}, ...ts.filter((o) => o.probe === probe).map(value)),
  }));
}
