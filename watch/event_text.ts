/**
 * The words of watch events and verdicts, in Japanese and English. Numbers and times are
 * filled in by the caller; nothing measured is interpreted as markup (pages escape it).
 *
 * @module
 */
import type { Localized } from "../util/text.ts";
import type { PathSegment } from "./path_state.ts";

/** A segment's name as the attribution reads it. */
export const PLACE: Record<PathSegment | "dns", Localized> = {
  lan: { ja: "Wi-Fi / 宅内 LAN", en: "the Wi-Fi / home network" },
  isp: { ja: "回線 (プロバイダー側)", en: "the access line (provider side)" },
  internet: { ja: "プロバイダーより先のインターネット", en: "the internet beyond the provider" },
  dns: { ja: "DNS", en: "DNS" },
};

/** "21:14–21:19" or "21:14–(end)". */
export function span(from: string, to: string | null): Localized {
  return to === null
    ? { ja: `${from}–(終了まで)`, en: `${from}–(until the end)` }
    : { ja: `${from}–${to}`, en: `${from}–${to}` };
}

/** The outage sentence: what answered, what was dark, where it is attributed. */
export function outageText(
  at: PathSegment,
  when: Localized,
  opts: { routerMeasured: boolean; providerMeasured: boolean; samples: number },
): { title: Localized; detail: Localized } {
  const n = opts.samples;
  if (at === "lan") {
    return {
      title: { ja: "ルーターにもつながらなくなりました", en: "Even the router stopped answering" },
      detail: {
        ja: `ルーターを含め何も応答しませんでした ${when.ja} (${n} 回の測定) → ${PLACE.lan.ja}`,
        en: `Nothing answered, not even the router, ${when.en} (${n} samples) → ${PLACE.lan.en}`,
      },
    };
  }
  if (at === "isp" || !opts.providerMeasured) {
    const router = opts.routerMeasured
      ? { ja: "ルーターは応答し、", en: "The router answered; " }
      : { ja: "(ルーターは測っていません) ", en: "(The router was not measured.) " };
    const tail = opts.providerMeasured ? PLACE.isp : {
      ja: "ルーターより先 (回線かその先。プロバイダー側の測定点がないため区別できません)",
      en:
        "beyond the router (the line or further: no provider point was measured to tell them apart)",
    };
    return {
      title: { ja: "回線が切れていました", en: "The line dropped" },
      detail: {
        ja:
          `${router.ja}プロバイダーとその先が ${when.ja} 応答しませんでした (${n} 回の測定) → ${tail.ja}`,
        en:
          `${router.en}the provider and everything beyond it were dark ${when.en} (${n} samples) → ${tail.en}`,
      },
    };
  }
  return {
    title: {
      ja: "プロバイダーより先に届かなくなりました",
      en: "The internet beyond the provider was unreachable",
    },
    detail: {
      ja:
        `ルーターとプロバイダーは応答し、その先が ${when.ja} 応答しませんでした (${n} 回の測定) → ${PLACE.internet.ja}`,
      en:
        `The router and the provider answered; everything beyond was dark ${when.en} (${n} samples) → ${PLACE.internet.en}`,
    },
  };
}

/** The loss sentence. */
export function lossText(
  at: PathSegment,
  when: Localized,
  rate: Localized,
): { title: Localized; detail: Localized } {
  const where = PLACE[at];
  return {
    title: { ja: `パケット損失 (${where.ja})`, en: `Packet loss (${where.en})` },
    detail: {
      ja: `${when.ja} に ${where.ja} から先で損失がありました: ${rate.ja} → ${where.ja}`,
      en: `Loss from ${where.en} onward ${when.en}: ${rate.en} → ${where.en}`,
    },
  };
}

/** The slowness sentence. */
export function slowText(
  at: PathSegment | "dns",
  when: Localized,
  ms: { base: number; during: number },
): { title: Localized; detail: Localized } {
  const where = PLACE[at];
  const nums = `${round(ms.base)} → ${round(ms.during)} ms`;
  if (at === "dns") {
    return {
      title: { ja: "DNS の応答が遅くなりました", en: "DNS answered slowly" },
      detail: {
        ja: `${when.ja} にこの端末の DNS の応答が遅くなりました (中央値 ${nums}) → DNS`,
        en: `This device's DNS answered slowly ${when.en} (median ${nums}) → DNS`,
      },
    };
  }
  return {
    title: { ja: `遅延の増加 (${where.ja})`, en: `Slower (${where.en})` },
    detail: {
      ja: `${when.ja} に ${where.ja} から先の応答が遅くなりました (中央値 ${nums}) → ${where.ja}`,
      en: `Answers from ${where.en} onward were slower ${when.en} (median ${nums}) → ${where.en}`,
    },
  };
}

/** The DNS failure sentence. */
export function dnsText(
  when: Localized,
  rate: Localized,
  publicAnswered: boolean | null,
): { title: Localized; detail: Localized } {
  const cmp = publicAnswered === null ? { ja: "", en: "" } : publicAnswered
    ? {
      ja: "。その間も公開 DNS は応答しました (プロバイダーの DNS の問題)",
      en: "; a public resolver answered meanwhile (the provider's DNS is at fault)",
    }
    : { ja: "。公開 DNS も応答しませんでした", en: "; the public resolver failed too" };
  return {
    title: { ja: "DNS が応答しませんでした", en: "DNS failed" },
    detail: {
      ja:
        `回線は使える状態で、この端末の DNS が ${when.ja} に失敗しました: ${rate.ja}${cmp.ja} → DNS`,
      en: `The line worked, but this device's DNS failed ${when.en}: ${rate.en}${cmp.en} → DNS`,
    },
  };
}

function round(x: number): string {
  return x >= 10 ? String(Math.round(x)) : String(Math.round(x * 10) / 10);
}
