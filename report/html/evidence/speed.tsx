// deno-lint-ignore-file jsx-key -- server-rendered (Hono): cells and rows are positional, keys mean nothing
/**
 * `isp.throughput`: per server, throughput over time in both directions (a direction that
 * ended early says so), idle against loaded latency (bufferbloat) as bars on one scale, the
 * grade, responsiveness and what the line is good for.
 *
 * @module
 */
import { formatBytes, formatMbps, formatMs, formatPercent, round } from "../format.ts";
import type { Lang } from "../../../util/text.ts";
import { Bars, TimeChart } from "./chart.tsx";
import { Facts, Mark, num, type Obj, obj, objs, Say, str, Sub, V } from "./parts.tsx";
import {
  AIM_CLASS,
  AIM_USE,
  GRADE,
  LEVEL,
  SERVER_KIND,
  SPEED_OUTCOME,
  STOP_REASON,
} from "./speed_words.ts";
import type { EvidenceProps } from "./types.ts";

const T = {
  download: { ja: "下り (ダウンロード)", en: "Download" },
  upload: { ja: "上り (アップロード)", en: "Upload" },
  throughput: { ja: "通信速度の推移", en: "Throughput over time" },
  latency: {
    ja: "待ち時間: 通信していないとき と 負荷をかけたとき",
    en: "Latency idle and under load",
  },
  idle: { ja: "通信していないとき", en: "Idle" },
  underDown: { ja: "下りの負荷時", en: "During download" },
  underUp: { ja: "上りの負荷時", en: "During upload" },
  bufferbloat: {
    ja: "負荷時の遅延の増加 (バッファブロート)",
    en: "Latency added under load (bufferbloat)",
  },
  grade: { ja: "評価", en: "grade" },
  rpm: { ja: "応答性 (RPM)", en: "Responsiveness (RPM)" },
  confidence: { ja: "確からしさ", en: "confidence" },
  jitter: { ja: "ゆらぎ (ジッター)", en: "Jitter" },
  budget: { ja: "使った通信量", en: "Data used" },
  metered: { ja: "従量制の回線として節約", en: "saved as on a metered line" },
  outcome: { ja: "測定が途中で止まりました", en: "The measurement stopped early" },
  uses: { ja: "用途ごとの目安", en: "What the line is good for" },
  compare: { ja: "網内と網外の比較", en: "Inside against outside the provider's network" },
  ratio: { ja: "網外 / 網内 の速度", en: "outside / inside speed" },
  beyond: {
    ja: "網外のサーバーが明らかに遅く、プロバイダーの先 (相互接続や中継) に原因がありそうです。",
    en:
      "The server outside the provider's network is clearly slower: the cause is likely beyond the access line (peering or transit).",
  },
  same: {
    ja: "網内と網外で同じくらいの速度です。",
    en: "Inside and outside the provider's network are alike.",
  },
} as const;

/** Every speed test server. */
export function SpeedView(props: EvidenceProps) {
  const { lang } = props;
  const d = props.result.data;
  const servers = objs(d.servers);
  if (!Array.isArray(d.servers)) return null;
  const budget = obj(d.budget);
  const cmp = obj(d.comparison);
  return (
    <>
      {servers.map((s) => <Server s={s} lang={lang} />)}
      {cmp && (cmp.finding === "beyond-access" || cmp.finding === "same")
        ? (
          <>
            <Sub>{T.compare[lang]}</Sub>
            <Say tone={cmp.finding === "same" ? "ok" : "warn"}>
              {cmp.finding === "same" ? T.same[lang] : T.beyond[lang]}
            </Say>
            <Facts
              rows={[
                [
                  `${T.download[lang]}: ${T.ratio[lang]}`,
                  num(cmp.downloadRatio) !== null
                    ? formatPercent(100 * num(cmp.downloadRatio)!, lang)
                    : null,
                ],
                [
                  `${T.upload[lang]}: ${T.ratio[lang]}`,
                  num(cmp.uploadRatio) !== null
                    ? formatPercent(100 * num(cmp.uploadRatio)!, lang)
                    : null,
                ],
              ]}
            />
          </>
        )
        : null}
      {budget
        ? (
          <p class="muted small">
            {T.budget[lang]}: {formatBytes(num(budget.usedBytes))} /{" "}
            {formatBytes(num(budget.maxBytes))}
            {budget.metered ? ` (${T.metered[lang]})` : ""}
          </p>
        )
        : null}
    </>
  );
}

function Server(props: { s: Obj; lang: Lang }) {
  const { s, lang } = props;
  const down = obj(s.download);
  const up = obj(s.upload);
  const idle = obj(s.idle);
  const bb = obj(s.bufferbloat);
  const rpm = obj(s.rpm);
  const outcome = str(s.outcome);
  const grade = str(bb?.grade);
  const g = grade ? GRADE[grade] : null;
  const added = Math.max(
    num(bb?.downloadAddedMs) ?? -Infinity,
    num(bb?.uploadAddedMs) ?? -Infinity,
  );
  const kind = SERVER_KIND[str(s.kind) ?? ""];
  return (
    <>
      <Sub
        note={
          <>
            {kind ? kind[lang] : null} · <V>{str(s.url)}</V>
          </>
        }
      >
        <V>{str(s.name)}</V>
      </Sub>
      {outcome && outcome !== "ok"
        ? (
          <Say tone="warn">
            {T.outcome[lang]}: {SPEED_OUTCOME[outcome]?.[lang] ?? <V>{outcome}</V>}
            {s.error
              ? (
                <>
                  {" ("}
                  <V>{str(s.error)}</V>)
                </>
              )
              : null}
          </Say>
        )
        : null}
      <Facts
        rows={[
          [T.download[lang], down ? <strong>{formatMbps(num(down.mbps))}</strong> : null],
          [T.upload[lang], up ? <strong>{formatMbps(num(up.mbps))}</strong> : null],
          [T.idle[lang], idle ? formatMs(num(idle.latencyMs)) : null],
          [
            T.jitter[lang],
            idle && num(idle.jitterMs) !== null ? formatMs(num(idle.jitterMs)) : null,
          ],
          [
            T.bufferbloat[lang],
            g && grade
              ? (
                <Mark tone={g.tone}>
                  {`${T.grade[lang]} ${grade}: ${
                    Number.isFinite(added) ? `+${formatMs(Math.max(0, added))}` : ""
                  } (${g[lang]})`}
                </Mark>
              )
              : null,
          ],
          [
            T.rpm[lang],
            rpm && num(rpm.value) !== null
              ? `${Math.round(num(rpm.value)!)} RPM (${T.confidence[lang]}: ${
                LEVEL[str(rpm.confidence) ?? ""]?.[lang] ?? "–"
              })`
              : null,
          ],
        ]}
      />
      <Throughput down={down} up={up} lang={lang} />
      <Latency idle={idle} down={down} up={up} lang={lang} />
      <Aim aim={obj(s.aim)} lang={lang} />
    </>
  );
}

function Throughput(props: { down: Obj | null; up: Obj | null; lang: Lang }) {
  const { lang } = props;
  const dirs = [
    { d: props.down, cls: "s-a", label: T.download[lang] },
    { d: props.up, cls: "s-b", label: T.upload[lang] },
  ].filter((x) => x.d);
  const series = dirs.map((x) => ({
    ...x,
    pts: objs(x.d!.intervals).map((i) => ({ t: num(i.endMs) ?? 0, y: num(i.mbps) })),
  }));
  const tMax = Math.max(...series.flatMap((s) => s.pts.map((p) => p.t)), 1);
  const early = dirs.filter((x) => STOP_REASON[str(x.d!.stopReason) ?? ""]?.early);
  const sec = (ms: number) =>
    `${round(ms / 1000, ms >= 10_000 ? 0 : 1)} ${lang === "ja" ? "秒" : "s"}`;
  return (
    <>
      {series.some((s) => s.pts.length >= 1)
        ? (
          <TimeChart
            label={T.throughput[lang]}
            series={series.map((s) => ({
              cls: s.cls,
              label: s.label,
              // A direction starts at zero: one interval still draws a line from the start.
              points: [
                { x: 0, y: s.pts.length ? 0 : null },
                ...s.pts.map((p) => ({ x: p.t / tMax, y: p.y })),
              ],
            }))}
            fmt={(v) => formatMbps(v)}
            xLabels={[sec(0), sec(tMax / 2), sec(tMax)]}
          />
        )
        : null}
      {early.map((x) => (
        <Say tone="warn">
          {x.label}: {STOP_REASON[str(x.d!.stopReason) ?? ""][lang]} {" ("}
          {sec(num(x.d!.durationMs) ?? 0)})
          {obj(x.d!.error)
            ? (
              <>
                {" — "}
                <V>{str(obj(x.d!.error)!.message)}</V>
              </>
            )
            : null}
        </Say>
      ))}
    </>
  );
}

function Latency(props: { idle: Obj | null; down: Obj | null; up: Obj | null; lang: Lang }) {
  const { lang } = props;
  const idle = num(props.idle?.latencyMs);
  const loaded = (d: Obj | null) => num(obj(d?.loadedLatency)?.medianMs);
  const row = (name: string, v: number | null, cls: string) => ({
    name,
    value: v,
    cls,
    text: v === null
      ? "–"
      : `${formatMs(v)}${
        idle !== null && cls !== "b-idle" ? ` (+${formatMs(Math.max(0, v - idle))})` : ""
      }`,
  });
  const rows = [
    row(T.idle[lang], idle, "b-idle"),
    ...(props.down ? [row(T.underDown[lang], loaded(props.down), "s-a")] : []),
    ...(props.up ? [row(T.underUp[lang], loaded(props.up), "s-b")] : []),
  ];
  if (rows.every((r) => r.value === null)) return null;
  return (
    <figure class="chart-block">
      <figcaption>{T.latency[lang]}</figcaption>
      <Bars rows={rows} />
    </figure>
  );
}

function Aim(props: { aim: Obj | null; lang: Lang }) {
  const { lang } = props;
  if (!props.aim) return null;
  const rows = Object.entries(AIM_USE).flatMap(([k, name]) => {
    const c = str(obj(props.aim![k])?.classification);
    const cls = c ? AIM_CLASS[c] : null;
    return cls ? [[name[lang], <Mark tone={cls.tone}>{cls[lang]}</Mark>] as [string, unknown]] : [];
  });
  if (rows.length === 0) return null;
  return (
    <>
      <p class="muted small">{T.uses[lang]}</p>
      <Facts rows={rows as [string, string][]} />
    </>
  );
}
