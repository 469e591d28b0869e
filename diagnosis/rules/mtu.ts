/**
 * Path-MTU rules. A black hole: the access line carries smaller packets than 1500 bytes
 * (PPPoE 1492, 1454 on NTT NGN; IPv4 over IPv6 1460), and the ICMP "fragmentation
 * needed" / "packet too big" messages that should tell the sender (RFC 1191, RFC 8201) are
 * filtered, so connections open and small answers arrive, but anything large hangs.
 * RFC 2923 §2.1 describes the symptom; RFC 4821 is the cure senders rarely use.
 *
 * @module
 */
import { advise, CONTACT_PROVIDER, RESTART_ROUTER } from "./advice.ts";
import { lossSigns } from "./loss_signs.ts";
import { describeRate, failureRate, median } from "../../util/stats.ts";
import { RTT_WARN_MS } from "./delay.ts";
import { asNote, DEVICE_BUSY, lossUnsettled, MAYBE_LOSS, ONE_FAILURE } from "./corroborate.ts";
import { lossView } from "./loss_view.ts";
import { measured, type Rule, type RuleFinding, type RuleInput } from "./rule.ts";
import { byProbe } from "./reach.ts";
import { listOf, num, obj } from "./shape.ts";
import { SLOW_DOWN_MBPS } from "./speed.ts";
import { type TargetOutcome, targetOutcomes } from "./targets.ts";

/**
 * Targets that connected and then stalled. Amid random loss a stall is one of its
 * symptoms (a quality problem), not a fault of its own.
 */
export const transferStalled: Rule = (input) => {
  const all = targetOutcomes(input);
  const stalled = all.filter((o) => o.failure === "stall");
  // Amid loss, long round trips or a slow line, a stall is a symptom of them (quality).
  const lossy = lossSigns(input).length > 0 || longRoundTrips(input) || slowTransfers(input);
  // Packets too big to pass explain a lone stall; so does loss of large frames.
  const mtu = pathMtu(measured(input, "path.mtu"));
  const sizeEvidence = (mtu !== null && mtu < 1500) ||
    (lossView(input)?.sizes ?? []).some((s) => s.kind === "size-dependent");
  return (["isp", "internet", "service"] as const).flatMap((seg): RuleFinding[] => {
    const mine = stalled.filter((o) => o.segment === seg);
    if (mine.length === 0) return [];
    const rate = failureRate(
      mine.length,
      all.filter((o) => o.segment === seg && o.probe === "http.timing").length,
    );
    const finding: RuleFinding = {
      id: `${seg}.transfer-stalled`,
      segment: seg,
      severity: "fail" as const,
      confidence: "medium" as const,
      title: {
        ja: "接続はできますが、データの受信が途中で止まります",
        en: "Connections open, but data stops arriving",
      },
      detail: {
        ja: `${mine.map((o) => o.name).join(", ")} に接続できましたが、応答が届きませんでした。`,
        en: `${mine.map((o) => o.name).join(", ")} accepted the connection, but no answer came.`,
      },
      advice: advise(RESTART_ROUTER, CONTACT_PROVIDER),
      technical: `stalled after connect: ${stallLine(mine)}`,
      evidence: byProbe(mine, (o) => ({ [o.name]: o.http?.failedAt ?? o.failure, rate })),
      symptom: lossy ? "quality" as const : "stall" as const,
    };
    if (mine.length < 2 && !sizeEvidence) return [asNote(finding, ONE_FAILURE)];
    if (!sizeEvidence && lossUnsettled(input)) return [asNote(finding, MAYBE_LOSS)];
    // Every web request timing out at once while the pings are clean: the device froze.
    const web = all.filter((o) => o.probe === "http.timing");
    if (!sizeEvidence && !lossy && web.every((o) => !o.ok)) return [asNote(finding, DEVICE_BUSY)];
    return [finding];
  });
};

/**
 * Connections that stall after opening while small exchanges on the same network work, and
 * nothing else is lost: a path-MTU black hole on the access line. Random loss stalls
 * transfers too, so any sign of loss (`loss_signs.ts`) rules this out.
 */
export const mtuBlackHole: Rule = (input) => {
  const all = targetOutcomes(input);
  const stalled = all.filter((o) => o.failure === "stall");
  const smallOk = all.filter((o) => o.ok);
  if (stalled.length === 0 || smallOk.length === 0 || lossSigns(input).length > 0) return [];
  const mtuData = measured(input, "path.mtu");
  const mtu = pathMtu(mtuData);
  const lowMtu = mtu !== null && mtu < 1500;
  if (mtu !== null && !lowMtu) return [];
  // One stalled request with no size limit measured is one failure: transferStalled notes it.
  if (stalled.length < 2 && !lowMtu) return [];
  // The repeated check of both sizes: consistent failure of the larger one, with its rates.
  const check = (mtuData?.targets ?? []).find((t) => t.blackHole && t.sizeCheck)?.sizeCheck;
  // Long round trips or a slow line make a large transfer time out too: without the size
  // check's proof, a stall is then slowness, not a black hole.
  if (!check && (longRoundTrips(input) || slowTransfers(input))) return [];
  return [{
    id: "isp.mtu-black-hole",
    segment: "isp",
    severity: "fail",
    confidence: lowMtu && check ? "high" : "medium",
    title: {
      ja: "大きなデータだけが届きません (MTU の問題の可能性)",
      en: "Large data does not get through (likely an MTU problem)",
    },
    detail: {
      ja:
        "接続や小さな応答はできますが、大きな応答が途中で止まります。回線の MTU (一度に送れる大きさ) が小さく、その知らせが届いていない可能性があります。",
      en:
        "Connections and small answers work, but large answers stop on the way. The line likely carries smaller packets than usual and the notices saying so are lost.",
    },
    advice: advise(
      {
        ja: "ルーターの MTU 設定 (PPPoE なら 1454 など) を確かめ、",
        en: "Check the router's MTU setting (for PPPoE, e.g. 1454),",
      },
      {
        ja: "ルーターを再起動してください。",
        en: "then restart the router.",
      },
      CONTACT_PROVIDER,
    ),
    technical: `stalls after connect (${stallLine(stalled)}) while ${smallOk.length} small ` +
      `exchanges succeeded; path MTU ${mtu ?? "not measured"}` +
      (check
        ? ` (${check.silentMtu} B: ${describeRate(check.silent).en} lost vs ${check.fitMtu} B: ${
          describeRate(check.fit).en
        })`
        : "") +
      `: suspected PMTUD black hole ` +
      `(ICMP frag-needed/packet-too-big filtered)`,
    evidence: [
      ...byProbe(stalled, (o) => ({ [o.name]: o.http?.failedAt ?? o.failure })),
      ...(mtu !== null
        ? [{
          probe: "path.mtu" as const,
          values: {
            pathMtu: mtu,
            ...(check
              ? {
                silentMtu: check.silentMtu,
                rate: check.silent,
                fit: { mtu: check.fitMtu, rate: check.fit },
              }
              : {}),
          },
        }]
        : []),
    ],
    at: "isp",
    breaks: "stall",
    symptom: "stall",
  }];
};

function stallLine(ts: TargetOutcome[]): string {
  return ts.map((o) =>
    `${o.name} (connect ${o.http?.connectMs ?? "?"}ms, tls ${o.http?.tlsMs ?? "-"}, ${
      o.http?.failedAt ?? "?"
    }: ${o.error})`
  ).join("; ");
}

/** The smallest path MTU `path.mtu` found, whatever its exact shape. */
export function pathMtu(data: Record<string, unknown> | null): number | null {
  if (!data) return null;
  const found: number[] = [];
  const visit = (v: unknown, depth: number) => {
    const o = obj(v);
    if (Array.isArray(v) && depth < 3) v.forEach((x) => visit(x, depth + 1));
    if (!o || depth > 2) return;
    for (const k of ["pathMtu", "mtu"]) {
      const n = num(o[k]);
      if (n !== null && n >= 576 && n <= 9000) found.push(n);
    }
    for (const k of ["v4", "v6", "ipv4", "ipv6", "results", "targets"]) visit(o[k], depth + 1);
  };
  visit(data, 0);
  return found.length ? Math.min(...found) : null;
}

/** True when the median ping round trip to the anchors exceeds the Teams limit (`delay.ts`). */
function longRoundTrips(input: RuleInput): boolean {
  const anchors = (lossView(input)?.points ?? []).filter((p) => p.role === "anchor");
  const m = median(anchors.flatMap((p) => p.all.filter((x): x is number => x !== null)));
  return m !== null && m > RTT_WARN_MS;
}

/** True when the speed test measured a download below the slow-line limit from any server. */
function slowTransfers(input: RuleInput): boolean {
  return listOf(measured(input, "isp.throughput"), "servers").some((s) => {
    const down = num(obj(s.download)?.mbps);
    return down !== null && down < SLOW_DOWN_MBPS;
  });
}
