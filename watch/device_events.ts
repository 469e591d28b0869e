/**
 * Events of the device's own connection: Wi-Fi roaming to another access point (or joining
 * another network), a weak signal, the addresses changing (a new public address, a new
 * gateway), and the gaps when nothing was measured (paused, asleep, off). Changes are seen
 * through keyed tags, so they are found whether or not identifiers were consented. Pure.
 *
 * @module
 */
import type { Localized } from "../util/text.ts";
import { span } from "./event_text.ts";
import { clockTime } from "./local_time.ts";
import type { AnalysisOptions, Unnumbered } from "./path_events.ts";
import { runsOf } from "./runs.ts";
import type { Sample } from "./sample.ts";
import type { Gap } from "./store.ts";

/** A signal weaker than this is a problem for most Wi-Fi links (−75 dBm: "fair" at best). */
export const WEAK_RSSI_DBM = -75;

/** Finds roaming, weak-signal, address-change and gap events. */
export function deviceEvents(
  samples: readonly Sample[],
  gaps: readonly Gap[],
  opts: AnalysisOptions,
): Unnumbered[] {
  const secs = opts.everyMs < 60_000;
  const t = (ms: number) => clockTime(ms, opts.timeZone, secs);
  const iso = (ms: number) => new Date(ms).toISOString();
  const out: Unnumbered[] = [];
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1];
    const b = samples[i];
    const wa = a.wifi, wb = b.wifi;
    if (wa?.connected && wb?.connected) {
      const otherNet = wa.ssidTag !== null && wb.ssidTag !== null && wa.ssidTag !== wb.ssidTag;
      const otherAp = wa.bssidTag !== null && wb.bssidTag !== null && wa.bssidTag !== wb.bssidTag;
      if (otherNet || otherAp) {
        const band = wa.band !== wb.band && wa.band && wb.band
          ? { ja: ` (${wa.band} → ${wb.band} GHz)`, en: ` (${wa.band} → ${wb.band} GHz)` }
          : { ja: "", en: "" };
        const what: Localized = otherNet
          ? {
            ja: `別のネットワーク ${wb.ssid ?? ""} に接続しました`,
            en: `joined another network ${wb.ssid ?? ""}`,
          }
          : {
            ja: `別のアクセスポイント ${wb.bssid ?? ""} に移りました`,
            en: `moved to another access point ${wb.bssid ?? ""}`,
          };
        out.push({
          kind: "wifi-roam",
          segment: "lan",
          from: iso(b.at),
          to: iso(b.at),
          samples: 1,
          severity: "info",
          title: { ja: "Wi-Fi の接続先が変わりました", en: "Wi-Fi roamed" },
          detail: {
            ja: `${t(a.at)}–${t(b.at)} の間に Wi-Fi が${what.ja.trim()}${band.ja}`,
            en: `Between ${t(a.at)} and ${t(b.at)} the Wi-Fi ${what.en.trim()}${band.en}`,
          },
          evidence: { band: [wa.band, wb.band], channel: [wa.channel, wb.channel] },
        });
      }
    }
    if (a.addresses && b.addresses && a.addresses.tag !== b.addresses.tag) {
      const gone = a.addresses.list.filter((x) => !b.addresses!.list.includes(x));
      const came = b.addresses.list.filter((x) => !a.addresses!.list.includes(x));
      out.push({
        kind: "address-change",
        segment: came.concat(gone).some((x) => x.startsWith("gw")) ? "lan" : "isp",
        from: iso(b.at),
        to: iso(b.at),
        samples: 1,
        severity: "info",
        title: { ja: "アドレスが変わりました", en: "The addresses changed" },
        detail: {
          ja: `${t(a.at)}–${t(b.at)} の間に端末のグローバル アドレスかゲートウェイが変わりました`,
          en: `Between ${t(a.at)} and ${t(b.at)} the device's global addresses or gateway changed`,
        },
        evidence: { removed: gone, added: came },
      });
    }
  }
  // A weak signal for two samples or more.
  const weak = samples.map((s) =>
    s.wifi?.connected === true && s.wifi.rssiDbm !== null && s.wifi.rssiDbm < WEAK_RSSI_DBM
  );
  for (const run of runsOf(weak, true)) {
    if (weak.slice(run.start, run.end).filter(Boolean).length < 2) continue;
    const rssi = samples.slice(run.start, run.end).map((s) => s.wifi?.rssiDbm)
      .filter((x): x is number => typeof x === "number");
    const to = samples[run.end]?.at ?? null;
    const when = span(t(samples[run.start].at), to === null ? null : t(to));
    out.push({
      kind: "wifi-signal",
      segment: "lan",
      from: iso(samples[run.start].at),
      to: to === null ? null : iso(to),
      samples: run.end - run.start,
      severity: "warn",
      title: { ja: "Wi-Fi の電波が弱くなりました", en: "The Wi-Fi signal was weak" },
      detail: {
        ja: `${when.ja} に電波が ${WEAK_RSSI_DBM} dBm を下回りました (最低 ${
          Math.min(...rssi)
        } dBm)`,
        en: `The signal was below ${WEAK_RSSI_DBM} dBm ${when.en} (lowest ${
          Math.min(...rssi)
        } dBm)`,
      },
      evidence: { minRssiDbm: Math.min(...rssi), limitDbm: WEAK_RSSI_DBM },
    });
  }
  out.push(...gapEvents(samples, gaps, opts, t));
  return out;
}

function gapEvents(
  samples: readonly Sample[],
  gaps: readonly Gap[],
  opts: AnalysisOptions,
  t: (ms: number) => string,
): Unnumbered[] {
  const all: Gap[] = [...gaps];
  // Samples much further apart than planned, with no recorded reason: asleep or off.
  const limit = Math.max(2.5 * opts.everyMs, opts.everyMs + 60_000);
  for (let i = 1; i < samples.length; i++) {
    const from = samples[i - 1].at + samples[i - 1].durationMs;
    const to = samples[i].at;
    if (to - samples[i - 1].at > limit && !all.some((g) => g.from < to && g.to > from)) {
      all.push({ from, to, reason: "asleep" });
    }
  }
  return all.sort((a, b) => a.from - b.from).map((g) => {
    const when = span(t(g.from), t(g.to));
    const why: Localized = g.reason === "paused"
      ? { ja: "一時停止していました", en: "the watch was paused" }
      : g.reason === "restart"
      ? { ja: "監視が止まっていました (再開済み)", en: "the watch was not running (it resumed)" }
      : {
        ja: "端末がスリープ中か電源が切れていたか、監視が動いていませんでした",
        en: "the device was asleep or off, or the watch was not running",
      };
    return {
      kind: "gap" as const,
      segment: "device" as const,
      from: new Date(g.from).toISOString(),
      to: new Date(g.to).toISOString(),
      samples: 0,
      severity: "info" as const,
      title: { ja: "測定していない時間", en: "Not measured" },
      detail: { ja: `${when.ja}: ${why.ja}`, en: `${when.en}: ${why.en}` },
      evidence: { reason: g.reason, minutes: Math.round((g.to - g.from) / 60_000) },
    };
  });
}
