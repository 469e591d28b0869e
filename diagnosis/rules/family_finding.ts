/**
 * The finding for one IP family broken while the other works (`families.ts` decides), in
 * words for both directions: where it breaks, what the customer sees — for IPv6, the wait
 * before apps fall back to IPv4 (a browser's quarter second, or the OS connect timeout of
 * apps that try one address at a time: the "some sites take 20 seconds" of Japanese lines
 * whose IPv6 reaches only a closed network); for IPv4, sites without IPv6 out of reach —
 * and what to do, which is never "wait, it is those sites": they answer over the other
 * family.
 *
 * @module
 */
import { advise, CONTACT_PROVIDER, RESTART_ROUTER } from "./advice.ts";
import type { FamilyBreak } from "./families.ts";
import type { RuleFinding } from "./rule.ts";
import type { Localized } from "../../util/text.ts";

const IPV6_CLOSED: Localized = {
  ja:
    "契約に IPv6 のインターネット接続が含まれない回線 (IPv6 がプロバイダー内でしか使えない回線) では、プロバイダーに IPv6 (IPoE) の申し込みを相談するか、ルーターの IPv6 を無効にしてください。",
  en:
    "If your line's IPv6 reaches only the provider's own network (no IPv6 internet service), ask your provider about IPv6 (IPoE) access, or turn IPv6 off in the router.",
};

/** The finding for `b`. */
export function familyFinding(b: FamilyBreak): RuleFinding {
  const v = b.family;
  const other = v === 4 ? 6 : 4;
  const beyond = b.at === "internet";
  const names = [...new Set(b.broken.map((p) => p.target))];
  const costs = b.broken.map((p) => p.fallback).filter((f) => f && f.preferredError !== null);
  const he = Math.max(0, ...costs.map((f) => f!.happyEyeballsDelayMs ?? 0));
  const seq = Math.max(0, ...costs.map((f) => f!.sequentialMs ?? 0));
  const osWait = costs.some((f) => f!.sequentialIsOsTimeout);
  const waitText: Localized = costs.length
    ? {
      ja: `ブラウザーは約 ${
        Math.round(he)
      } ms 待ってから IPv${other} に切り替えますが、宛先を一つずつ試すアプリは${
        osWait ? "OS が接続をあきらめるまで" : ""
      }約 ${Math.round(seq / 100) / 10} 秒待たされます。`,
      en: `A browser switches to IPv${other} after about ${
        Math.round(he)
      } ms; apps that try one address at a time wait about ${Math.round(seq / 100) / 10} s${
        osWait ? " (until the operating system gives up on the connection)" : ""
      }.`,
    }
    : { ja: "", en: "" };
  const where: Localized = beyond
    ? {
      ja: `プロバイダーのサーバー (${
        b.onNet.join(", ")
      }) には IPv${v} で届くので、途切れているのはプロバイダーの先、インターネットへの IPv${v} の接続です。`,
      en: `The provider's own servers (${
        b.onNet.join(", ")
      }) answer over IPv${v}, so the break lies beyond the provider's network: its IPv${v} connection to the internet.`,
    }
    : v === 4
    ? {
      ja:
        "「IPv4 over IPv6」(MAP-E や DS-Lite) の回線では、ルーターの IPv4 トンネルかプロバイダーの IPv4 の出口の問題です。",
      en:
        "On \"IPv4 over IPv6\" lines (MAP-E, DS-Lite) this is the router's IPv4 tunnel or the provider's IPv4 gateway.",
    }
    : { ja: "", en: "" };
  const effect: Localized = v === 4
    ? {
      ja: "IPv6 のあるサイトは開けますが、IPv4 しかないサイトは開けません。",
      en: "Sites with IPv6 open; sites that have only IPv4 cannot be opened.",
    }
    : {
      ja:
        "アプリが IPv4 に切り替えるまで待たされ、表示が遅くなったり一部のアプリが失敗したりします。",
      en: "Apps wait before falling back to IPv4, so pages load slowly and some apps fail.",
    };
  return {
    id: `${b.at}.ipv${v}-broken`,
    segment: b.at,
    severity: v === 4 ? "fail" : "warn",
    confidence: b.broken.length > 1 ? "high" : "medium",
    title: beyond
      ? {
        ja: `IPv${v} がプロバイダーの先へ通りません (IPv${other} は使えます)`,
        en: `IPv${v} does not get beyond the provider (IPv${other} works)`,
      }
      : {
        ja: `IPv${v} で通信できません (IPv${other} は使えます)`,
        en: `IPv${v} does not get through (IPv${other} works)`,
      },
    detail: {
      ja: `同じ宛先 ${names.length} 件 (${
        names.join(", ")
      }) に IPv${other} では届き、IPv${v} ではすべて失敗しました。${effect.ja}${waitText.ja}${where.ja}`,
      en: `The same ${names.length} destinations (${
        names.join(", ")
      }) answered over IPv${other}, and every IPv${v} connection to them failed. ${effect.en}${
        waitText.en ? ` ${waitText.en}` : ""
      }${where.en ? ` ${where.en}` : ""}`,
    },
    advice: v === 6 && !beyond
      ? advise(RESTART_ROUTER, IPV6_CLOSED, CONTACT_PROVIDER)
      : advise(RESTART_ROUTER, CONTACT_PROVIDER),
    technical:
      `IPv${v} failed where IPv${other} worked: ${
        b.broken.map((p) => `${p.target} (${p.probe}: ${p.error[v] ?? "failed"})`).join(", ")
      }` +
      (costs.length
        ? `; fallback: Happy Eyeballs +${Math.round(he)} ms, sequential ${Math.round(seq)} ms${
          osWait ? " (OS connect timeout)" : ""
        }`
        : "") +
      (beyond ? `; on-net over IPv${v}: ${b.onNet.join(", ")}` : ""),
    evidence: [...new Set(b.broken.map((p) => p.probe))].map((probe) => ({
      probe,
      values: {
        [`v${v}Failed`]: b.broken.filter((p) => p.probe === probe).map((p) => p.target),
        ...(costs.length ? { happyEyeballsDelayMs: he, sequentialMs: seq } : {}),
      },
    })),
    at: b.at,
    symptom: "quality",
  };
}
