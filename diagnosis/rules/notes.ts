/**
 * Notes for the support desk that are not faults: the access type `isp.access` inferred,
 * and proxies the device is set to use (`net.proxy`). Severity `info`, never a warning.
 *
 * @module
 */
import { measured, type Rule } from "./rule.ts";
import { listOf, num, str } from "./shape.ts";
import { ACCESS_TYPES } from "../../probes/builtin/isp_access.ts";

/** The access type, as inferred (with its confidence). */
export const accessType: Rule = (input) => {
  const [best] = listOf(measured(input, "isp.access"), "candidates")
    .filter((c) => str(c.type) && num(c.confidence) !== null)
    .sort((a, b) => num(b.confidence)! - num(a.confidence)!);
  if (!best) return [];
  const type = str(best.type)!;
  const p = num(best.confidence)!;
  return [{
    id: "isp.access-type",
    segment: "isp",
    severity: "info",
    confidence: p >= 0.75 ? "high" : p >= 0.5 ? "medium" : "low",
    title: {
      ja: `回線方式の推定: ${ACCESS_TYPES[type]?.ja ?? type}`,
      en: `Access type (inferred): ${ACCESS_TYPES[type]?.en ?? type}`,
    },
    detail: {
      ja: "アドレスや MTU から推定した回線方式です。断定ではありません。",
      en: "Inferred from addresses and MTU; an inference, not a certainty.",
    },
    advice: { ja: "対応は不要です。", en: "Nothing to do." },
    technical: `isp.access: ${type} (${Math.round(p * 100)}%)`,
    evidence: [{ probe: "isp.access", values: { type, confidence: p } }],
  }];
};

/** The device sends web traffic through a proxy. */
export const proxyInUse: Rule = (input) => {
  const on = listOf(measured(input, "net.proxy"), "sources").filter((s) =>
    s.enabled === true && (str(s.http) || str(s.https) || str(s.pacUrl) || s.autoDetect === true)
  );
  if (on.length === 0) return [];
  const line = on.map((s) =>
    `${str(s.source)}: ${
      [str(s.http), str(s.https), str(s.pacUrl) && `PAC ${str(s.pacUrl)}`]
        .filter(Boolean).join(", ") || "auto-detect"
    }`
  ).join("; ");
  return [{
    id: "device.proxy",
    segment: "device",
    severity: "info",
    confidence: "high",
    title: { ja: "プロキシを経由して通信しています", en: "Web traffic goes through a proxy" },
    detail: {
      ja:
        "この端末は Web の通信をプロキシ経由で送るよう設定されています。このツールの Web の測定はプロキシを通さず直接行い、プロキシ自体はそれとは別に確かめています。",
      en:
        "This device is set to send web traffic through a proxy. The kit's web measurements go directly, not through it; the proxy itself is checked on its own.",
    },
    advice: {
      ja: "心当たりがなければ、プロキシの設定を確かめてください。",
      en: "If you did not set this up, check the proxy settings.",
    },
    technical: line,
    evidence: [{ probe: "net.proxy", values: { sources: on.map((s) => str(s.source)) } }],
  }];
};
