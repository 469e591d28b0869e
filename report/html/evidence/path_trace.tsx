// deno-lint-ignore-file jsx-key -- server-rendered (Hono): cells and rows are positional, keys mean nothing
/**
 * `path.trace` as an mtr/PingPlotter-style hop table: per hop the addresses that answered,
 * loss with its sample count, RTT min/median (or average)/max with a bar on one scale, and
 * what the loss means — where it starts and whether it persists to the destination, or is a
 * router rate-limiting its answers (not a fault).
 *
 * @module
 */
import { formatMs, formatPercent } from "../format.ts";
import type { Lang } from "../../../util/text.ts";
import { RangeBar } from "./chart.tsx";
import {
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
  hop: { ja: "ホップ", en: "Hop" },
  address: { ja: "応答したアドレス", en: "Address" },
  loss: { ja: "損失", en: "Loss" },
  rtt: { ja: "往復時間 最小 / 中央 / 最大", en: "RTT min / median / max" },
  rttAvg: { ja: "往復時間 最小 / 平均 / 最大", en: "RTT min / avg / max" },
  range: { ja: "往復時間の幅", en: "RTT range" },
  meaning: { ja: "読み方", en: "What it means" },
  noAnswer: { ja: "応答なし", en: "no answer" },
  rounds: { ja: "回", en: "rounds" },
  hopsTable: { ja: "ホップごとの損失と往復時間", en: "Loss and round-trip time per hop" },
} as const;

const KIND: Record<string, { ja: string; en: string; tone: Tone }> = {
  "none": { ja: "損失なし", en: "no loss", tone: "ok" },
  "no-reply": {
    ja: "トレースルートに応答しない機器 (異常ではありません)",
    en: "does not answer traceroute (normal)",
    tone: "unknown",
  },
  "rate-limit": {
    ja: "応答を間引いています (後のホップに損失がないので異常ではありません)",
    en: "answers fewer probes: rate limiting, not a fault (later hops lose nothing)",
    tone: "unknown",
  },
  "persistent": {
    ja: "ここから宛先まで損失が続いています",
    en: "loss from here on, all the way to the destination",
    tone: "fail",
  },
  "end-to-end": { ja: "宛先での損失", en: "loss at the destination", tone: "fail" },
  "unknown": {
    ja: "宛先に届かなかったため判断できません",
    en: "the destination was not reached: cannot tell",
    tone: "unknown",
  },
};

/** The hop table of each traced target. */
export function PathTraceView(props: EvidenceProps) {
  const targets = objs(props.result.data.targets);
  if (targets.length === 0) return null;
  return <>{targets.map((t) => <TracedTarget t={t} lang={props.lang} />)}</>;
}

function TracedTarget(props: { t: Obj; lang: Lang }) {
  const { t, lang } = props;
  const hops = objs(t.hops);
  const rounds = num(t.rounds);
  const head = (
    <Sub
      note={
        <>
          {family(t.family)} · <V>{str(t.tool) ?? "–"}</V>
          {rounds !== null ? ` · ${rounds} ${T.rounds[lang]}` : ""}
        </>
      }
    >
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
  );
  if (hops.length === 0) {
    return (
      <>
        {head}
        <Say tone="unknown">{loc(t.reason, lang) ?? T.noAnswer[lang]}</Say>
      </>
    );
  }
  const scale = Math.max(...hops.map((h) => num(obj(h.rtt)?.maxMs) ?? 0), 0.001);
  const hasMedian = hops.some((h) => num(obj(h.rtt)?.medianMs) !== null);
  const from = num(t.persistentLossFrom);
  return (
    <>
      {head}
      <Verdict t={t} hops={hops} lang={lang} />
      <Table
        label={T.hopsTable[lang]}
        cols={[
          { label: T.hop[lang], num: true },
          { label: T.address[lang] },
          { label: T.loss[lang], num: true },
          { label: (hasMedian ? T.rtt : T.rttAvg)[lang], num: true },
          { label: T.range[lang] },
          { label: T.meaning[lang] },
        ]}
        rowClass={(i) => {
          const ttl = num(hops[i].ttl);
          return from !== null && ttl !== null && ttl >= from ? "row-fail" : "";
        }}
        rows={hops.map((h) => hopRow(h, scale, lang))}
      />
    </>
  );
}

function hopRow(h: Obj, scale: number, lang: Lang) {
  const rtt = obj(h.rtt);
  const min = num(rtt?.minMs);
  const max = num(rtt?.maxMs);
  const mid = num(rtt?.medianMs) ?? num(rtt?.avgMs);
  const sent = num(h.sent);
  const received = num(h.received);
  const loss = num(h.lossPercent);
  const kind = KIND[str(h.lossKind) ?? ""] ?? null;
  const addresses = strs(h.addresses);
  const names = strs(h.names ?? h.hostnames);
  return [
    String(num(h.ttl) ?? "–"),
    addresses.length
      ? (
        <span class="addr-list">
          {addresses.map((a, i) => (
            <span>
              <V>{a}</V>
              {names[i] && names[i] !== a
                ? (
                  <span class="muted">
                    <V>{names[i]}</V>
                  </span>
                )
                : null}
            </span>
          ))}
        </span>
      )
      : <span class="muted">* {T.noAnswer[lang]}</span>,
    loss === null ? "–" : (
      <span class={loss > 0 && kind?.tone === "fail" ? "bad" : undefined}>
        {formatPercent(loss, lang)}
        {sent !== null && received !== null
          ? <span class="muted small">{` (${sent - received}/${sent})`}</span>
          : null}
      </span>
    ),
    min !== null && max !== null && mid !== null
      ? `${formatMs(min)} / ${formatMs(mid)} / ${formatMs(max)}`
      : "–",
    min !== null && max !== null && mid !== null
      ? (
        <RangeBar
          min={min}
          mid={mid}
          max={max}
          scale={scale}
          tone={kind?.tone === "fail" ? "t-fail" : ""}
          label={`${formatMs(min)} – ${formatMs(max)}`}
        />
      )
      : "",
    kind ? <Mark tone={kind.tone}>{kind[lang]}</Mark> : "–",
  ];
}

function Verdict(props: { t: Obj; hops: Obj[]; lang: Lang }) {
  const { t, hops, lang } = props;
  const ja = lang === "ja";
  const from = num(t.persistentLossFrom);
  const end = num(t.endLossPercent);
  const limited = (Array.isArray(t.rateLimitedHops) ? t.rateLimitedHops : []).filter((x) =>
    typeof x === "number"
  );
  const at = (ttl: number) => {
    const a = strs(hops.find((h) => h.ttl === ttl)?.addresses)[0];
    return a
      ? (
        <>
          {" ("}
          <V>{a}</V>)
        </>
      )
      : null;
  };
  const notes = limited.length
    ? (ja
      ? ` ホップ ${
        limited.join("、")
      } は応答を間引いていますが、後のホップに損失がないため異常ではありません。`
      : ` Hop${limited.length > 1 ? "s" : ""} ${
        limited.join(", ")
      } answer fewer probes: rate limiting, not a fault.`)
    : "";
  if (from !== null) {
    return (
      <Say tone="fail">
        {ja ? `ホップ ${from}` : `Loss starts at hop ${from}`}
        {at(from)}
        {ja
          ? ` から宛先まで損失が続いています (宛先で ${formatPercent(end, lang)})。`
          : ` and persists to the destination (${formatPercent(end, lang)} lost there).`}
        {notes}
      </Say>
    );
  }
  if (t.reached === true) {
    const lossy = end !== null && end > 0;
    return (
      <Say tone={lossy ? "warn" : "ok"}>
        {ja
          ? `${hops.length} ホップで宛先に届きました (宛先での損失 ${
            formatPercent(end ?? 0, lang)
          })。`
          : `Reached the destination in ${hops.length} hops (${
            formatPercent(end ?? 0, lang)
          } lost there).`}
        {notes}
      </Say>
    );
  }
  const last = [...hops].reverse().find((h) => (num(h.received) ?? 0) > 0);
  const lastTtl = num(last?.ttl);
  return (
    <Say tone="warn">
      {ja ? "宛先は応答しませんでした。" : "The destination did not answer."}
      {lastTtl !== null
        ? (
          <>
            {ja
              ? ` 最後に応答したのはホップ ${lastTtl}`
              : ` The last hop that answered is ${lastTtl}`}
            {at(lastTtl)}
            {ja ? " です。" : "."}
          </>
        )
        : null}
      {notes}
    </Say>
  );
}
