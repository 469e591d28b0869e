/**
 * What a customer can try, in plain words, shared by the rules so the same advice reads
 * the same everywhere.
 *
 * @module
 */
import type { Localized } from "../../util/text.ts";

/** Joins advice sentences in both languages. */
export function advise(...parts: Localized[]): Localized {
  return { ja: parts.map((p) => p.ja).join(""), en: parts.map((p) => p.en).join(" ") };
}

/** Restart the home router (and wait until it is back). */
export const RESTART_ROUTER: Localized = {
  ja: "ルーターの電源を入れ直し、数分待ってからもう一度お試しください。",
  en: "Restart the router, wait a few minutes, and try again.",
};

/** Contact the provider, with the report. */
export const CONTACT_PROVIDER: Localized = {
  ja: "直らない場合は、このレポートを添えてプロバイダーにご連絡ください。",
  en: "If that does not help, contact your provider and send them this report.",
};

/** Move closer to the Wi-Fi router. */
export const MOVE_CLOSER: Localized = {
  ja: "Wi-Fi ルーターに近づくか、間の壁や家電を避けてください。",
  en: "Move closer to the Wi-Fi router, away from walls and appliances in between.",
};

/** Try a cable. */
export const USE_WIRED: Localized = {
  ja: "できれば LAN ケーブルでつないで比べてください。",
  en: "If you can, connect with a network cable and compare.",
};

/** Measure again at another time of day. */
export const TRY_EVENING: Localized = {
  ja: "混み合う夜の時間帯と、空いている時間帯にもう一度測定して比べてください。",
  en: "Run the check again in the evening and at a quiet hour to compare.",
};

/** Check cables and power. */
export const CHECK_CABLES: Localized = {
  ja: "ルーターや ONU の電源とケーブルの接続を確かめてください。",
  en: "Check the power and cables of the router and the optical terminal (ONU).",
};

/** The service itself is at fault. */
export const SERVICE_SIDE: Localized = {
  ja:
    "お使いの回線ではなく、相手のサービス側の問題と考えられます。しばらくしてからお試しください。",
  en: "This points at the service itself, not your connection. Try again later.",
};
