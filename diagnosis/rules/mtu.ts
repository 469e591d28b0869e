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
import { measured, type Rule } from "./rule.ts";
import { byProbe } from "./reach.ts";
import { num, obj } from "./shape.ts";
import { type TargetOutcome, targetOutcomes } from "./targets.ts";

/**
 * Targets that connected and then stalled. Amid random loss a stall is one of its
 * symptoms (a quality problem), not a fault of its own.
 */
export const transferStalled: Rule = (input) => {
  const stalled = targetOutcomes(input).filter((o) => o.failure === "stall");
  const lossy = lossSigns(input).length > 0;
  return (["isp", "internet", "service"] as const).flatMap((seg) => {
    const mine = stalled.filter((o) => o.segment === seg);
    if (mine.length === 0) return [];
    return [{
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
      evidence: byProbe(mine, (o) => ({ [o.name]: o.http?.failedAt ?? o.failure })),
      symptom: lossy ? "quality" as const : "stall" as const,
    }];
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
  const mtu = pathMtu(measured(input, "path.mtu"));
  const lowMtu = mtu !== null && mtu < 1500;
  if (mtu !== null && !lowMtu) return [];
  return [{
    id: "isp.mtu-black-hole",
    segment: "isp",
    severity: "fail",
    confidence: lowMtu ? "high" : "medium",
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
      `exchanges succeeded; path MTU ${mtu ?? "not measured"}: suspected PMTUD black hole ` +
      `(ICMP frag-needed/packet-too-big filtered)`,
    evidence: [
      ...byProbe(stalled, (o) => ({ [o.name]: o.http?.failedAt ?? o.failure })),
      ...(mtu !== null ? [{ probe: "path.mtu" as const, values: { pathMtu: mtu } }] : []),
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
