/**
 * Rules about trust in secure connections: the device's clock (`system.clock`), TLS
 * interception (`tls.inspect`), and TLS handshakes that fail.
 *
 * A clock off by minutes breaks TLS (certificates look "not yet valid" or "expired") and
 * sign-ins: Kerberos tolerates 5 minutes by default (RFC 4120 §1.2 and MIT krb5's
 * `clockskew`), which is `system.clock`'s failure limit; beyond 30 s it warns. Security
 * software or a proxy that re-signs TLS with its own CA shows up as an unexpected issuer.
 *
 * @module
 */
import { advise, CONTACT_PROVIDER } from "./advice.ts";
import { byProbe } from "./reach.ts";
import { resultOf, type Rule, type RuleFinding } from "./rule.ts";
import { listOf, num, obj, str } from "./shape.ts";
import { targetOutcomes } from "./targets.ts";

/** The device's clock is off. */
export const clockSkew: Rule = (input) => {
  const r = resultOf(input, "system.clock");
  if (!r || (r.status !== "warn" && r.status !== "fail")) return [];
  const skew = num(obj(r.data)?.skewMs);
  if (skew === null) return [];
  const minutes = Math.round(Math.abs(skew) / 6000) / 10;
  const ahead = skew > 0;
  return [{
    id: "device.clock-skew",
    segment: "device",
    severity: r.status === "fail" ? "fail" : "warn",
    confidence: listOf(r.data, "samples").filter((s) => num(s.skewMs) !== null).length > 1
      ? "high"
      : "medium",
    title: { ja: "この端末の時計がずれています", en: "This device's clock is wrong" },
    detail: {
      ja: `時計が約 ${minutes} 分${
        ahead ? "進んで" : "遅れて"
      }います。安全な接続 (HTTPS) やログインが失敗する原因になります。`,
      en: `The clock is about ${minutes} minutes ${
        ahead ? "fast" : "slow"
      }. That makes secure (HTTPS) connections and sign-ins fail.`,
    },
    advice: {
      ja: "日付と時刻の設定で「時刻を自動的に設定する」をオンにしてください。",
      en: 'Turn on "Set time automatically" in the date and time settings.',
    },
    technical: `local clock minus server Date: ${skew} ms`,
    evidence: [{ probe: "system.clock", values: { skewMs: skew } }],
    at: "device",
    breaks: "tls",
  }];
};

/** Certificates come from an unexpected issuer: something re-signs TLS. */
export const tlsIntercepted: Rule = (input) => {
  const r = resultOf(input, "tls.inspect");
  if (!r || (r.status !== "ok" && r.status !== "warn" && r.status !== "fail")) return [];
  const odd = listOf(r.data, "targets").filter((t) =>
    t.verdict === "unexpected-issuer" || t.verdict === "untrusted"
  );
  if (odd.length === 0) return [];
  const issuers = [...new Set(odd.map((t) => issuerOf(t)).filter(Boolean))];
  const hint = odd.map((t) => str(t.interceptorHint)).find(Boolean);
  const finding: RuleFinding = {
    id: "device.tls-intercepted",
    segment: "device",
    severity: "warn",
    confidence: hint || odd.some((t) => t.verdict === "unexpected-issuer") ? "high" : "medium",
    title: {
      ja: "安全な接続 (HTTPS) が途中で検査されています",
      en: "Secure (HTTPS) connections are being intercepted",
    },
    detail: {
      ja: `サイトの証明書が想定外の発行元 (${
        issuers.join(", ")
      }) のものに置き換わっています。セキュリティ ソフトやプロキシによるものです。`,
      en: `Sites' certificates are replaced by ones from an unexpected issuer (${
        issuers.join(", ")
      }): security software or a proxy does this.`,
    },
    advice: advise({
      ja: "セキュリティ ソフトの「HTTPS スキャン」などの設定を確かめてください。",
      en: "Check the HTTPS scanning setting of your security software.",
    }, CONTACT_PROVIDER),
    technical: odd.map((t) => `${str(t.host)}:${num(t.port)} ${t.verdict} issuer ${issuerOf(t)}`)
      .join("; ") + (hint ? `; looks like ${hint}` : ""),
    evidence: [{ probe: "tls.inspect", values: { targets: odd.map((t) => str(t.host)), issuers } }],
    at: "device",
    breaks: "tls",
  };
  return [finding];
};

/** TLS handshakes that failed (not timed out: refused certificates, alerts). */
export const tlsFailed: Rule = (input) => {
  const failed = targetOutcomes(input).filter((o) => o.failure === "tls");
  return (["isp", "internet", "service"] as const).flatMap((seg): RuleFinding[] => {
    const mine = failed.filter((o) => o.segment === seg);
    if (mine.length === 0) return [];
    return [{
      id: `${seg}.tls-failed`,
      segment: seg,
      severity: "fail",
      confidence: "medium",
      title: { ja: "安全な接続 (HTTPS) ができません", en: "Secure (HTTPS) connections fail" },
      detail: {
        ja: `${mine.map((o) => o.name).join(", ")} との安全な接続が確立できませんでした。`,
        en: `Secure connections to ${mine.map((o) => o.name).join(", ")} could not be set up.`,
      },
      advice: advise({
        ja: "端末の日付と時刻が正しいか確かめてください。",
        en: "Check that the device's date and time are right.",
      }, CONTACT_PROVIDER),
      technical: mine.map((o) => `${o.name}: ${o.error}`).join("; "),
      evidence: byProbe(mine, (o) => ({ [o.name]: o.error })),
      symptom: "tls",
    }];
  });
};

function issuerOf(t: Record<string, unknown>): string {
  const chain = listOf(t, "chain");
  return str(chain[0]?.issuer) ?? "?";
}
