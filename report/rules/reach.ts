/**
 * Reachability rules over `tcp.connect` and `http.timing`, per target segment
 * (`isp`, `internet`, `service`): nothing answers, some targets fail, a service answers
 * with an error status.
 *
 * @module
 */
import type { HttpTimingData } from "../../probes/http_timing.ts";
import { ipFamily } from "../../probes/ip_scope.ts";
import type { TcpConnectData } from "../../probes/tcp_connect.ts";
import type { Localized, Segment } from "../../probes/types.ts";
import { measured, type Rule, type RuleFinding } from "./rule.ts";

interface Outcome {
  probe: string;
  name: string;
  segment: Segment;
  ok: boolean;
  byIp: boolean;
  dnsFailed: boolean;
  status?: number | null;
}

function outcomes(input: Parameters<Rule>[0]): Outcome[] {
  const out: Outcome[] = [];
  const tcp = measured<TcpConnectData>(input, "tcp.connect");
  for (const t of tcp?.targets ?? []) {
    out.push({
      probe: "tcp.connect",
      name: t.name,
      segment: t.segment,
      ok: t.attempts.some((a) => a.ok),
      byIp: ipFamily(t.host) !== 0,
      dnsFailed: t.error?.startsWith("dns:") ?? false,
    });
  }
  const http = measured<HttpTimingData>(input, "http.timing");
  for (const t of http?.targets ?? []) {
    out.push({
      probe: "http.timing",
      name: t.name,
      segment: t.segment,
      ok: t.ok,
      byIp: ipFamily(new URL(t.url).hostname) !== 0,
      dnsFailed: t.failedAt === "dns",
      status: t.status,
    });
  }
  return out;
}

const NAMES: Record<string, Localized> = {
  isp: { ja: "プロバイダー", en: "the provider's network" },
  internet: { ja: "インターネット", en: "the internet" },
  service: { ja: "サービス", en: "the service" },
};

/** Nothing (or only some) of a segment's targets can be reached. */
export const unreachable: Rule = (input) => {
  const all = outcomes(input);
  const findings: RuleFinding[] = [];
  for (const seg of ["isp", "internet", "service"] as const) {
    const mine = all.filter((o) => o.segment === seg);
    const failed = mine.filter((o) => !o.ok);
    if (mine.length === 0 || failed.length === 0) continue;
    const allFailed = failed.length === mine.length;
    const byIpFailed = failed.filter((o) => o.byIp && !o.dnsFailed);
    const byIp = mine.filter((o) => o.byIp);
    const onlyDns = failed.every((o) => o.dnsFailed);
    const name = NAMES[seg];
    // When even addresses given as IP literals fail, DNS cannot be the cause: the path
    // itself is broken, and that explains any DNS failure (the resolvers sit on that path).
    const pathBroken = seg === "internet" && byIp.length > 0 && byIpFailed.length === byIp.length;
    findings.push({
      id: `${seg}.${allFailed ? "unreachable" : "partly-unreachable"}`,
      segment: seg,
      severity: allFailed ? "fail" : "warn",
      confidence: allFailed && !onlyDns ? "high" : "medium",
      title: allFailed
        ? { ja: `${name.ja}に接続できません`, en: `Cannot reach ${name.en}` }
        : { ja: `${name.ja}の一部に接続できません`, en: `Some of ${name.en} cannot be reached` },
      detail: {
        ja: `${mine.length} 件中 ${failed.length} 件の宛先に接続できませんでした: ${
          failed.map((o) => o.name).join(", ")
        }。`,
        en: `${failed.length} of ${mine.length} targets could not be reached: ${
          failed.map((o) => o.name).join(", ")
        }.`,
      },
      advice: allFailed
        ? {
          ja:
            "ルーターを再起動してください。直らなければ、このレポートを添えてプロバイダーに連絡してください。",
          en: "Restart the router. If that does not help, contact your provider with this report.",
        }
        : {
          ja: "しばらくしてからもう一度お試しください。特定のサイトだけの問題かもしれません。",
          en: "Try again in a while: it may be a problem of those sites only.",
        },
      technical: `${seg}: ${failed.length}/${mine.length} targets failed` +
        `${onlyDns ? " (all by DNS)" : ""}${
          byIp.length ? `; by IP literal ${byIpFailed.length}/${byIp.length} failed` : ""
        }`,
      evidence: [...new Set(failed.map((o) => o.probe))].map((probe) => ({
        probe,
        values: { failed: failed.filter((o) => o.probe === probe).map((o) => o.name) },
      })),
      ...(pathBroken ? { causalAt: "isp" as const } : {}),
      ...(onlyDns ? { explainedBy: "dns" as const } : {}),
    });
  }
  return findings;
};

/** A web target answered, but not with the status it should. */
export const badHttpStatus: Rule = (input) => {
  const http = measured<HttpTimingData>(input, "http.timing");
  const bad = (http?.targets ?? []).filter((t) => t.ok && !t.healthy);
  return bad.map((t) => ({
    id: `${t.segment}.http-status`,
    segment: t.segment,
    severity: (t.status ?? 0) >= 500 ? "fail" as const : "warn" as const,
    confidence: "high" as const,
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
    advice: {
      ja: "回線ではなく、相手側のサービスの問題と考えられます。しばらくしてからお試しください。",
      en: "This points at the service itself, not your line. Try again later.",
    },
    technical: `${t.url} -> HTTP ${t.status}${t.location ? ` Location: ${t.location}` : ""}`,
    evidence: [{ probe: "http.timing", values: { url: t.url, status: t.status } }],
  }));
};
