// deno-lint-ignore-file jsx-key -- server-rendered (Hono): cells and rows are positional, keys mean nothing
/**
 * The device and the line's shape: `system.info` (OS, CPU, memory, uptime), `system.clock`
 * (skew against servers), `isp.access` (the inferred access type and why) and `path.mtu`
 * (the largest packet that passes, step by step).
 *
 * @module
 */
import { formatDuration, formatMs, formatNumber, formatPercent } from "../format.ts";
import type { Lang, Localized } from "../../../util/text.ts";
import { ACCESS_TYPES } from "../../../probes/builtin/isp_access.ts";
import {
  Facts,
  family,
  loc,
  Mark,
  num,
  type Obj,
  obj,
  objs,
  Say,
  str,
  strs,
  Sub,
  Table,
  type Tone,
  V,
} from "./parts.tsx";
import type { EvidenceProps } from "./types.ts";

const T = {
  os: { ja: "OS", en: "OS" },
  arch: { ja: "CPU の種類", en: "Architecture" },
  locale: { ja: "言語と地域", en: "Locale" },
  hostname: { ja: "コンピューター名", en: "Computer name" },
  cpu: { ja: "CPU", en: "CPU" },
  cores: { ja: "コア", en: "cores" },
  memory: { ja: "メモリ (空き / 合計)", en: "Memory (free / total)" },
  uptime: { ja: "起動してからの時間", en: "Up for" },
  load: { ja: "負荷 (1・5・15 分平均)", en: "Load (1, 5, 15 min)" },
  skew: { ja: "時計のずれ", en: "Clock offset" },
  ahead: { ja: "進んでいます", en: "ahead" },
  behind: { ja: "遅れています", en: "behind" },
  server: { ja: "比べたサーバー", en: "Server" },
  serverTime: { ja: "サーバーの時刻", en: "Server time" },
  uncertainty: { ja: "誤差の幅", en: "Uncertainty" },
  samples: { ja: "サーバーごとの比較", en: "Per server" },
  type: { ja: "回線方式", en: "Access type" },
  likely: { ja: "確からしさ", en: "Likelihood" },
  why: { ja: "根拠", en: "Why" },
  candidates: { ja: "回線方式の候補", en: "Access type candidates" },
  missing: { ja: "推定に使えなかった測定", en: "Measurements it could not use" },
  inference: {
    ja: "アドレス、ゲートウェイ、経路 MTU からの推定で、断定ではありません。",
    en: "Inferred from addresses, gateways and path MTU: an inference, not a certainty.",
  },
  pathMtu: { ja: "経路 MTU", en: "Path MTU" },
  atLeast: { ja: "以上", en: "or more" },
  blackHole: {
    ja: "大きなパケットが黙って捨てられています (MTU ブラックホール)",
    en: "Large packets vanish without a word (an MTU black hole)",
  },
  quoted: { ja: "ルーターが伝えた MTU", en: "MTU a router reported" },
  size: { ja: "パケットの大きさ", en: "Packet size" },
  outcome: { ja: "結果", en: "Outcome" },
  steps: { ja: "試した大きさ", en: "Sizes tried" },
} as const;

/** `system.info`. */
export function SystemInfoView(props: EvidenceProps) {
  const { lang } = props;
  const d = props.result.data;
  if (!d.os) return null;
  const cpu = obj(d.cpu);
  const mem = obj(d.memory);
  const load = Array.isArray(d.loadAvg)
    ? d.loadAvg.filter((x): x is number => typeof x === "number")
    : [];
  return (
    <Facts
      rows={[
        [T.os[lang], <V>{[str(d.os), str(d.osRelease)].filter(Boolean).join(" ")}</V>],
        [T.arch[lang], <V>{str(d.arch)}</V>],
        [T.locale[lang], <V>{str(d.locale)}</V>],
        [T.hostname[lang], d.hostname ? <V>{str(d.hostname)}</V> : null],
        [
          T.cpu[lang],
          cpu
            ? (
              <>
                <V>{str(cpu.model) ?? "–"}</V> · {num(cpu.cores) ?? "–"} {T.cores[lang]}
              </>
            )
            : null,
        ],
        [
          T.memory[lang],
          mem
            ? `${formatNumber(Math.round(num(mem.availableMiB) ?? 0))} MiB / ${
              formatNumber(Math.round(num(mem.totalMiB) ?? 0))
            } MiB`
            : null,
        ],
        [T.uptime[lang], num(d.uptimeS) !== null ? formatDuration(num(d.uptimeS), lang) : null],
        [
          T.load[lang],
          load.length ? load.map((x) => formatNumber(Math.round(x * 100) / 100)).join(" · ") : null,
        ],
      ]}
    />
  );
}

function skewText(ms: number, lang: Lang): string {
  const abs = Math.abs(ms);
  const t = abs >= 1000 ? formatDuration(abs / 1000, lang) : formatMs(abs);
  return `${t} ${ms >= 0 ? T.ahead[lang] : T.behind[lang]}`;
}

/** `system.clock`. */
export function ClockView(props: EvidenceProps) {
  const { lang } = props;
  const d = props.result.data;
  const samples = objs(d.samples);
  if (!Array.isArray(d.samples)) return null;
  const skew = num(d.skewMs);
  return (
    <>
      <Facts rows={[[T.skew[lang], skew !== null ? skewText(skew, lang) : "–"]]} />
      {samples.length
        ? (
          <Table
            label={T.samples[lang]}
            cols={[{ label: T.server[lang] }, { label: T.serverTime[lang] }, {
              label: T.skew[lang],
              num: true,
            }, { label: T.uncertainty[lang], num: true }]}
            rows={samples.map((s) => [
              <V>{str(s.url)}</V>,
              s.serverDate ? <V>{str(s.serverDate)}</V> : s.error ? <V>{str(s.error)}</V> : "–",
              num(s.skewMs) !== null ? skewText(num(s.skewMs)!, lang) : "–",
              num(s.uncertaintyMs) !== null ? `± ${formatMs(num(s.uncertaintyMs))}` : "–",
            ])}
          />
        )
        : null}
    </>
  );
}

/** `isp.access`: the candidates with their evidence. */
export function AccessView(props: EvidenceProps) {
  const { lang } = props;
  const d = props.result.data;
  const candidates = objs(d.candidates);
  if (!Array.isArray(d.candidates)) return null;
  const missing = strs(d.missing);
  return (
    <>
      <p class="muted small">{T.inference[lang]}</p>
      {candidates.length
        ? (
          <Table
            label={T.candidates[lang]}
            cols={[{ label: T.type[lang] }, { label: T.likely[lang], num: true }, {
              label: T.why[lang],
            }]}
            rows={candidates.map((c) => [
              ACCESS_TYPES[str(c.type) ?? ""]?.[lang] ?? <V>{str(c.type)}</V>,
              num(c.confidence) !== null ? formatPercent(100 * num(c.confidence)!, lang) : "–",
              <ul class="plain">{objs(c.evidence).map((e) => <li>{loc(e, lang)}</li>)}</ul>,
            ])}
          />
        )
        : null}
      {missing.length
        ? (
          <Facts
            rows={[[
              T.missing[lang],
              <span class="addr-list">{missing.map((m) => <code translate="no">{m}</code>)}</span>,
            ]]}
          />
        )
        : null}
    </>
  );
}

const MTU_OUTCOME: Record<string, Localized & { tone: Tone }> = {
  "fits": { ja: "通りました", en: "passed", tone: "ok" },
  "too-big": { ja: "大きすぎると返事がありました", en: "too big, a router said so", tone: "warn" },
  "silent": { ja: "返事なしで消えました", en: "vanished without an answer", tone: "fail" },
};

/** `path.mtu`: each target's path MTU and the sizes tried. */
export function PathMtuView(props: EvidenceProps) {
  const { lang } = props;
  const targets = objs(props.result.data.targets);
  if (targets.length === 0) return null;
  return (
    <>
      {targets.map((t: Obj) => {
        const mtu = num(t.pathMtu);
        return (
          <>
            <Sub note={family(t.family)}>
              <V>{str(t.name) ?? str(t.target)}</V>
              {t.name
                ? (
                  <>
                    {" — "}
                    <V>{str(t.target)}</V>
                  </>
                )
                : null}
            </Sub>
            {loc(t.reason, lang) ? <Say tone="unknown">{loc(t.reason, lang)}</Say> : null}
            {t.blackHole === true ? <Say tone="fail">{T.blackHole[lang]}</Say> : null}
            <Facts
              rows={[
                [
                  T.pathMtu[lang],
                  mtu !== null
                    ? `${mtu} ${lang === "ja" ? "バイト" : "bytes"}${
                      t.atLeast ? ` ${T.atLeast[lang]}` : ""
                    }`
                    : null,
                ],
                [T.quoted[lang], num(t.quotedMtu) !== null ? String(num(t.quotedMtu)) : null],
              ]}
            />
            {objs(t.steps).length
              ? (
                <Table
                  label={T.steps[lang]}
                  cols={[{ label: T.size[lang], num: true }, { label: T.outcome[lang] }]}
                  rows={objs(t.steps).map((s) => {
                    const o = MTU_OUTCOME[str(s.outcome) ?? ""];
                    return [
                      String(num(s.mtu) ?? "–"),
                      o
                        ? (
                          <Mark tone={o.tone}>
                            {o[lang]}
                            {num(s.quotedMtu) !== null ? ` (MTU ${num(s.quotedMtu)})` : ""}
                          </Mark>
                        )
                        : <V>{str(s.outcome)}</V>,
                    ];
                  })}
                />
              )
              : null}
          </>
        );
      })}
    </>
  );
}
