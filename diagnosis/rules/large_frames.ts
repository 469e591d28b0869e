/**
 * Loss of large frames only, between this device and the router: near-MTU echoes with Don't
 * Fragment lost significantly more often than small ones sent at the same time
 * (`probes/lib/size_loss.ts`). The signature of a poor Wi-Fi link, where long frames spend
 * longer on air and are hit more often, and of a home link that drops full-size frames;
 * small pings, lookups and page starts work, while downloads and video stutter.
 *
 * @module
 */
import { HEAVY_LOSS } from "../../probes/lib/loss_localise.ts";
import { describeRate } from "../../util/stats.ts";
import { advise, MOVE_CLOSER, RESTART_ROUTER, USE_WIRED } from "./advice.ts";
import { lossView } from "./loss_view.ts";
import type { Rule } from "./rule.ts";

/** Large frames to the router are lost, small ones are not. */
export const largeFrameLoss: Rule = (input) => {
  const view = lossView(input);
  const found = (view?.sizes ?? []).filter((s) => s.kind === "size-dependent");
  if (!view || found.length === 0) return [];
  const worst = found.reduce((a, b) => (b.large.low > a.large.low ? b : a));
  const large = describeRate(worst.large);
  const small = describeRate(worst.small);
  const bytes = worst.point.payloadBytes ?? 0;
  return [{
    id: "lan.large-frame-loss",
    segment: "lan",
    severity: worst.large.low > HEAVY_LOSS ? "fail" : "warn",
    confidence: worst.large.n >= 40 ? "high" : "medium",
    title: {
      ja: "ルーターとの間で大きなパケットだけが失われています",
      en: "Large packets are lost between this device and the router",
    },
    detail: {
      ja:
        `ルーターへの大きな ping (${bytes} バイト) は ${large.ja} 失われ、同時に送った小さな ping は ${small.ja} でした。Wi-Fi の電波や宅内の機器の問題で、ダウンロードや動画が途切れます。`,
      en:
        `Large pings (${bytes} bytes) to the router were lost: ${large.en}, while small ones sent at the same time lost ${small.en}. A problem of the Wi-Fi or the home equipment; downloads and video will stall.`,
    },
    advice: advise(MOVE_CLOSER, USE_WIRED, RESTART_ROUTER),
    technical: found.map((s) =>
      `${s.point.target} IPv${s.point.family}: ${s.point.payloadBytes} B DF ${
        describeRate(s.large).en
      } lost vs small ${describeRate(s.small).en}`
    ).join("; "),
    evidence: [{
      probe: view.probe === "path.loss" ? "path.loss" : "lan.gateway.ping",
      values: {
        at: worst.point.target,
        payloadBytes: bytes,
        rate: worst.large,
        small: { rate: worst.small },
      },
    }],
    at: "lan",
    breaks: "quality",
    symptom: "quality",
  }];
};
