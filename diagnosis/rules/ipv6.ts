/**
 * IPv6 rules: the device has IPv6 and the targets have IPv6 addresses, but IPv6 does not
 * get through while IPv4 does. Applications then wait before falling back to IPv4 (Happy
 * Eyeballs waits 250 ms, RFC 8305 §5; older ones wait for a full timeout), so pages load
 * slowly or some apps fail. Read from `tcp.connect` (attempts per family) and
 * `ipv6.compare` (the same URL over each family); it takes two targets failing (or the
 * dedicated comparison) and no sign of random loss to call IPv6 broken.
 *
 * @module
 */
import { advise, CONTACT_PROVIDER, RESTART_ROUTER } from "./advice.ts";
import { lossSigns } from "./loss_signs.ts";
import { measured, type Rule, type RuleFinding } from "./rule.ts";
import { listOf, obj, str } from "./shape.ts";
import type { BuiltinProbeId } from "../../probes/mod.ts";

interface Pair {
  probe: BuiltinProbeId;
  target: string;
  v4ok: boolean;
  v6ok: boolean;
  v6error: string | null;
}

/** IPv6 fails to every dual-stack target that IPv4 reaches. */
export const ipv6Broken: Rule = (input) => {
  const pairs: Pair[] = [];
  for (const t of measured(input, "tcp.connect")?.targets ?? []) {
    const v4 = t.attempts.filter((a) => a.family === 4);
    const v6 = t.attempts.filter((a) => a.family === 6);
    if (v4.length && v6.length) {
      pairs.push({
        probe: "tcp.connect",
        target: t.name,
        v4ok: v4.some((a) => a.ok),
        v6ok: v6.some((a) => a.ok),
        v6error: v6.find((a) => !a.ok)?.error ?? null,
      });
    }
  }
  for (const t of listOf(measured(input, "ipv6.compare"), "targets")) {
    const v4 = obj(t.v4);
    const v6 = obj(t.v6);
    // No IPv6 address at all is "not dual stack", not "broken".
    if (!v4 || !v6 || !str(v6.address)) continue;
    pairs.push({
      probe: "ipv6.compare",
      target: str(t.url) ?? "?",
      v4ok: v4.ok === true,
      v6ok: v6.ok === true,
      v6error: str(v6.error),
    });
  }
  const reachedBy4 = pairs.filter((p) => p.v4ok);
  const broken = reachedBy4.filter((p) => !p.v6ok);
  // One failure may be chance; loss makes either family fail by chance.
  const enough = broken.length >= 2 || broken.some((p) => p.probe === "ipv6.compare");
  if (!enough || broken.length !== reachedBy4.length || lossSigns(input).length > 0) return [];
  const finding: RuleFinding = {
    id: "isp.ipv6-broken",
    segment: "isp",
    severity: "warn",
    confidence: broken.length > 1 ? "high" : "medium",
    title: {
      ja: "IPv6 で通信できません (IPv4 は使えます)",
      en: "IPv6 does not get through (IPv4 works)",
    },
    detail: {
      ja:
        "IPv6 のアドレスはありますが、IPv6 での接続がすべて失敗しました。アプリが IPv4 に切り替えるまで待たされ、表示が遅くなったり一部のアプリが失敗したりします。",
      en:
        "The device has IPv6, but every IPv6 connection failed. Apps wait before falling back to IPv4, so pages load slowly and some apps fail.",
    },
    advice: advise(RESTART_ROUTER, CONTACT_PROVIDER),
    technical: `IPv6 failed where IPv4 worked: ${
      broken.map((p) => `${p.target} (${p.probe}: ${p.v6error ?? "failed"})`).join(", ")
    }`,
    evidence: [...new Set(broken.map((p) => p.probe))].map((probe) => ({
      probe,
      values: { v6Failed: broken.filter((p) => p.probe === probe).map((p) => p.target) },
    })),
    symptom: "quality",
  };
  return [finding];
};
