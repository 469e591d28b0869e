// deno-lint-ignore-file jsx-key -- server-rendered (Hono): cells and rows are positional, keys mean nothing
/**
 * `lan.gateway.ping` and `internet.ping`: per target, loss with its count, RTT min/avg/max
 * and jitter, and — where the report keeps each echo (`samples`, `intervalMs`) — the RTT of
 * every packet over time with the lost ones marked.
 *
 * @module
 */
import { formatMs, formatPercent, round } from "../format.ts";
import type { Lang } from "../../../util/text.ts";
import { TimeChart } from "./chart.tsx";
import {
  Facts,
  family,
  loc,
  num,
  type Obj,
  obj,
  objs,
  Say,
  str,
  Sub,
  Table,
  type Tone,
  V,
} from "./parts.tsx";
import type { EvidenceProps } from "./types.ts";

const T = {
  lost: { ja: "損失", en: "Lost" },
  rtt: { ja: "往復時間 最小 / 平均 / 最大", en: "RTT min / avg / max" },
  jitter: { ja: "ゆらぎ (ジッター)", en: "Jitter" },
  command: { ja: "コマンド", en: "Command" },
  rttSeries: { ja: "往復時間", en: "Round-trip time" },
  lostMark: { ja: "応答なし", en: "no reply" },
  chart: { ja: "パケットごとの往復時間", en: "Round-trip time of each packet" },
  noSamples: {
    ja: "このレポートにはパケットごとの値が記録されていないため、集計値だけを示します。",
    en: "This report keeps no per-packet values: only the totals are shown.",
  },
  errors: { ja: "ICMP エラーなど", en: "ICMP errors and other messages" },
  from: { ja: "送信元", en: "From" },
  kind: { ja: "種類", en: "Kind" },
  text: { ja: "内容", en: "Text" },
} as const;

/** The ping targets, each with its figures and RTT over time. */
export function PingView(props: EvidenceProps) {
  const targets = objs(props.result.data.targets);
  if (targets.length === 0) return null;
  return <>{targets.map((t) => <PingTarget t={t} lang={props.lang} />)}</>;
}

/** Loss as "3 of 20 lost (15 %)". */
export function lossText(lost: number, sent: number, lang: Lang): string {
  const p = formatPercent((100 * lost) / sent, lang);
  return lang === "ja"
    ? `${sent} 回中 ${lost} 回応答なし (${p})`
    : `${lost} of ${sent} lost (${p})`;
}

function PingTarget(props: { t: Obj; lang: Lang }) {
  const { t, lang } = props;
  const sent = num(t.sent);
  const received = num(t.received);
  const rtt = obj(t.rtt);
  const status = str(t.status);
  const tone: Tone = status === "ok"
    ? "ok"
    : status === "warn"
    ? "warn"
    : status === "fail"
    ? "fail"
    : "unknown";
  const samples = Array.isArray(t.samples)
    ? t.samples.map((s) => (typeof s === "number" && Number.isFinite(s) ? s : null))
    : null;
  return (
    <>
      <Sub note={family(t.family)}>
        <V>{str(t.target)}</V>
        {t.name
          ? (
            <span class="muted">
              {" ("}
              <V>{str(t.name)}</V>)
            </span>
          )
          : null}
      </Sub>
      {loc(t.reason, lang) ? <Say tone={tone}>{loc(t.reason, lang)}</Say> : null}
      <Facts
        rows={[
          [
            T.lost[lang],
            sent !== null && received !== null && sent > 0
              ? lossText(sent - received, sent, lang)
              : null,
          ],
          [
            T.rtt[lang],
            rtt
              ? `${formatMs(num(rtt.minMs))} / ${formatMs(num(rtt.avgMs))} / ${
                formatMs(num(rtt.maxMs))
              }`
              : null,
          ],
          [T.jitter[lang], num(t.jitterMs) !== null ? formatMs(num(t.jitterMs)) : null],
          [T.command[lang], str(t.command) ? <code translate="no">{str(t.command)}</code> : null],
        ]}
      />
      {samples && samples.length >= 2
        ? <Samples samples={samples} intervalMs={num(t.intervalMs)} lang={lang} />
        : sent !== null && sent > 0
        ? <p class="muted small">{T.noSamples[lang]}</p>
        : null}
      <Errors errors={objs(t.errors)} lang={lang} />
    </>
  );
}

function Samples(props: { samples: (number | null)[]; intervalMs: number | null; lang: Lang }) {
  const { samples, lang } = props;
  const n = samples.length;
  const x = (i: number) => (n > 1 ? i / (n - 1) : 0);
  const secs = props.intervalMs !== null ? ((n - 1) * props.intervalMs) / 1000 : null;
  const xl = (f: number) =>
    secs !== null
      ? `${round(f * secs, secs >= 10 ? 0 : 1)} ${lang === "ja" ? "秒" : "s"}`
      : lang === "ja"
      ? `${Math.round(1 + f * (n - 1))} 回目`
      : `#${Math.round(1 + f * (n - 1))}`;
  return (
    <TimeChart
      label={T.chart[lang]}
      series={[{
        cls: "s-a",
        label: T.rttSeries[lang],
        points: samples.map((y, i) => ({ x: x(i), y })),
      }]}
      fmt={(v) => formatMs(v)}
      xLabels={[xl(0), xl(0.5), xl(1)]}
      lost={samples.flatMap((s, i) => (s === null ? [x(i)] : []))}
      lostLabel={T.lostMark[lang]}
    />
  );
}

function Errors(props: { errors: Obj[]; lang: Lang }) {
  const { errors, lang } = props;
  if (errors.length === 0) return null;
  return (
    <details class="more">
      <summary>{T.errors[lang]} ({errors.length})</summary>
      <Table
        label={T.errors[lang]}
        cols={[{ label: T.kind[lang] }, { label: T.from[lang] }, { label: T.text[lang] }]}
        rows={errors.map((
          e,
        ) => [<V>{str(e.kind)}</V>, <V>{str(e.from) ?? "–"}</V>, <V>{str(e.text)}</V>])}
      />
    </details>
  );
}
