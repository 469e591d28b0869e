/**
 * LAN rules: the device must have a usable interface and a default gateway, or nothing
 * beyond it can work.
 *
 * @module
 */
import { advise, CHECK_CABLES, RESTART_ROUTER } from "./advice.ts";
import { measured, type Rule } from "./rule.ts";

/** No interface with a routable address (cable out, Wi-Fi off, no DHCP lease). */
export const noUsableInterface: Rule = (input) => {
  const d = measured(input, "net.interfaces");
  if (!d) return [];
  const usable = d.interfaces.filter((i) =>
    i.up !== false && i.addresses.some((a) => a.scope !== "loopback" && a.scope !== "link")
  );
  if (usable.length > 0) return [];
  return [{
    id: "lan.no-usable-interface",
    segment: "lan",
    severity: "fail",
    confidence: "high",
    title: { ja: "ネットワークにつながっていません", en: "Not connected to a network" },
    detail: {
      ja: "有効なアドレスを持つネットワーク インターフェイスがありません。",
      en: "No network interface has a usable address.",
    },
    advice: {
      ja: "Wi-Fi がオンか、LAN ケーブルが差さっているかを確かめ、ルーターを再起動してください。",
      en: "Check that Wi-Fi is on or the network cable is plugged in, then restart the router.",
    },
    technical:
      `no interface with a non-loopback, non-link-local address (${d.interfaces.length} interfaces seen)`,
    evidence: [{
      probe: "net.interfaces",
      values: { interfaces: d.interfaces.map((i) => i.name) },
    }],
    at: "lan",
    breaks: "path",
  }];
};

/** No default route: the device cannot reach anything beyond its own subnet. */
export const noDefaultGateway: Rule = (input) => {
  const d = measured(input, "net.gateway");
  if (!d || d.routes.length > 0 || (d.onLink?.length ?? 0) > 0) return [];
  return [{
    id: "lan.no-default-gateway",
    segment: "lan",
    severity: "fail",
    confidence: "high",
    title: { ja: "ルーターへの経路がありません", en: "No route to the router" },
    detail: {
      ja:
        "デフォルト ゲートウェイ (ルーター) が設定されていないため、インターネットに出られません。",
      en:
        "No default gateway (router) is configured, so nothing beyond the local network is reachable.",
    },
    advice: advise(CHECK_CABLES, RESTART_ROUTER, {
      ja: "この端末も再起動してください。",
      en: "Restart this device too.",
    }),
    technical: `no IPv4 or IPv6 default route (source: ${d.source})`,
    evidence: [{ probe: "net.gateway", values: { routes: 0 } }],
    at: "lan",
    breaks: "path",
  }];
};
