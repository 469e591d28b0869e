/**
 * Captive portal: plain HTTP is diverted to a login or notice page (hotel or station Wi-Fi,
 * an unpaid or unregistered line in the provider's walled garden). Seen by `http.captive`
 * (a URL that must answer 204 with nothing, as Android and Chrome check) and by any
 * plain-HTTP target of `http.timing` redirected to another host.
 *
 * Until the customer logs in or the line is registered, the portal is all there is:
 * everything beyond it failing is its consequence.
 *
 * @module
 */
import { CONTACT_PROVIDER } from "./advice.ts";
import { measured, type Rule, type RuleFinding } from "./rule.ts";
import { isDiverted } from "./reach.ts";
import { num, obj, str } from "./shape.ts";
import { targetOutcomes } from "./targets.ts";

/** Plain HTTP is answered by something other than the server asked. */
export const captivePortal: Rule = (input) => {
  const evidence: RuleFinding["evidence"] = [];
  const c = obj(measured(input, "http.captive"));
  const verdict = str(c?.verdict);
  if (verdict === "redirect" || verdict === "login-page") {
    evidence.push({
      probe: "http.captive",
      values: { verdict, status: num(c?.status), location: str(c?.location) },
    });
  }
  const diverted = targetOutcomes(input).filter(isDiverted);
  if (diverted.length) {
    evidence.push({
      probe: "http.timing",
      values: Object.fromEntries(diverted.map((o) => [o.name, o.http?.location])),
    });
  }
  if (evidence.length === 0) return [];
  const where = str(c?.location) ?? diverted[0]?.http?.location ?? "?";
  return [{
    id: "isp.captive-portal",
    segment: "isp",
    severity: "fail",
    confidence: evidence.length > 1 ? "high" : "medium",
    title: {
      ja: "ログイン画面などへの強制転送 (キャプティブ ポータル) があります",
      en: "Web requests are diverted to a login page (captive portal)",
    },
    detail: {
      ja: `Web へのアクセスが別のページ (${where}) に転送されています。`,
      en: `Web requests are answered with a redirect to another page (${where}).`,
    },
    advice: {
      ja:
        `ブラウザーで ${where} を開き、ログインや利用登録が必要か確かめてください。${CONTACT_PROVIDER.ja}`,
      en:
        `Open ${where} in a browser and see whether a login or registration is needed. ${CONTACT_PROVIDER.en}`,
    },
    technical: `plain HTTP diverted: ${
      [
        verdict ? `http.captive ${verdict} (status ${num(c?.status)})` : "",
        ...diverted.map((o) => `${o.http?.url} -> ${o.http?.status} ${o.http?.location}`),
      ].filter(Boolean).join("; ")
    }`,
    evidence,
    at: "isp",
    breaks: "path",
  }];
};
