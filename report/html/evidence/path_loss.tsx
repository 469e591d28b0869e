// deno-lint-ignore-file jsx-key -- server-rendered (Hono): cells and rows are positional, keys mean nothing
/**
 * `path.loss`: every point pinged at the same time (router, provider, anchors) with its loss
 * as a count and a 95 % interval, where the loss was judged to start, the near-MTU echoes
 * against the small ones, and how many echoes the adaptive rounds added in how long.
 *
 * @module
 */
import type { Lang } from "../../../util/text.ts";
import { describeRate, type Rate } from "../../../util/stats.ts";
import { Facts, family, num, type Obj, obj, objs, Say, str, Sub, Table, V } from "./parts.tsx";
import type { EvidenceProps } from "./types.ts";

const T = {
  points: { ja: "同時に測った宛先", en: "Points measured at the same time" },
  point: { ja: "宛先", en: "Point" },
  role: { ja: "位置", en: "Where" },
  lost: { ja: "応答なし (95% 区間)", en: "Lost (95 % interval)" },
  verdict: { ja: "判定", en: "Verdict" },
  sizes: { ja: "大きなパケットと小さなパケット", en: "Large against small echoes" },
  adaptive: { ja: "追加の測定", en: "Measured more" },
  rounds: { ja: "追加の回数", en: "Extra rounds" },
  added: { ja: "追加した ping (宛先ごと)", en: "Echoes added per point" },
  used: { ja: "使った時間 (上限)", en: "Time used (budget)" },
} as const;

const ROLE: Record<string, { ja: string; en: string }> = {
  gateway: { ja: "ルーター", en: "router" },
  "gateway-large": { ja: "ルーター (大きなパケット)", en: "router (large echoes)" },
  hop: { ja: "プロバイダーの中継機器", en: "provider hop" },
  "on-net": { ja: "プロバイダーのサーバー", en: "provider host" },
  anchor: { ja: "インターネットの基準点", en: "internet anchor" },
};

/** The points, the verdict per family, the size comparison and the extra rounds. */
export function PathLossView(props: EvidenceProps) {
  const { lang } = props;
  const d = props.result.data;
  const points = objs(d.points);
  if (points.length === 0) return null;
  const a = obj(d.adaptive);
  return (
    <>
      {objs(d.verdicts).map((v) => <Say tone={tone(v)}>{verdictText(v, lang)}</Say>)}
      <Table
        label={T.points[lang]}
        cols={[{ label: T.point[lang] }, { label: T.role[lang] }, {
          label: T.lost[lang],
          num: true,
        }]}
        rows={points.map((p) => [
          <span>
            <V>{str(p.name) ?? str(p.target)}</V> <span class="muted">{family(p.family)}</span>
          </span>,
          ROLE[str(p.role) ?? ""]?.[lang] ?? str(p.role),
          rateText(p.rate, lang),
        ])}
      />
      {objs(d.sizes).length
        ? (
          <>
            <Sub>{T.sizes[lang]}</Sub>
            <Table
              label={T.sizes[lang]}
              cols={[{ label: T.point[lang] }, { label: "≈ MTU" }, { label: T.lost[lang] }]}
              rows={objs(d.sizes).map((s) => [
                <V>{str(s.target)}</V>,
                `${(num(s.payloadBytes) ?? 0) + (s.family === 6 ? 48 : 28)} B`,
                `${rateText(s.large, lang)} / ${rateText(s.small, lang)}`,
              ])}
            />
          </>
        )
        : null}
      {a
        ? (
          <Facts
            rows={[
              [T.rounds[lang], String(num(a.rounds) ?? 0)],
              [T.added[lang], String(num(a.addedEchoes) ?? 0)],
              [
                T.used[lang],
                `${Math.round((num(a.usedMs) ?? 0) / 100) / 10} s (${
                  (num(a.budgetMs) ?? 0) / 1000
                } s)`,
              ],
            ]}
          />
        )
        : null}
    </>
  );
}

function rateText(r: unknown, lang: Lang): string {
  const o = obj(r);
  return o && typeof o.n === "number" ? describeRate(o as unknown as Rate)[lang] : "–";
}

function tone(v: Obj): "ok" | "warn" | "unknown" {
  return v.kind === "clean" ? "ok" : v.kind === "localised" ? "warn" : "unknown";
}

const SEG: Record<string, { ja: string; en: string }> = {
  lan: { ja: "宅内 (Wi-Fi / LAN)", en: "in the home network" },
  isp: { ja: "回線・プロバイダー", en: "on the access line or at the provider" },
  internet: { ja: "プロバイダーより先", en: "beyond the provider" },
};

function verdictText(v: Obj, lang: Lang): string {
  const f = `IPv${num(v.family) ?? "?"}`;
  const seg = (k: unknown) => SEG[str(k) ?? ""]?.[lang] ?? str(k) ?? "?";
  switch (v.kind) {
    case "clean":
      return lang === "ja"
        ? `${f}: 損失は健全な範囲内です`
        : `${f}: no loss beyond the healthy range`;
    case "localised":
      return lang === "ja"
        ? `${f}: 損失は${seg(v.segment)}で始まります (${rateText(v.rate, lang)})`
        : `${f}: the loss starts ${seg(v.segment)} (${rateText(v.rate, lang)})`;
    case "unlocalised":
      return lang === "ja"
        ? `${f}: 損失はありますが、${seg(v.from)}〜${seg(v.to)}のどこで始まるか判別できません`
        : `${f}: loss that starts ${seg(v.from)} or further on, up to ${
          seg(v.to)
        }: could not be told`;
    default:
      return lang === "ja"
        ? `${f}: 少しの損失があり、判定できませんでした (${rateText(v.rate, lang)})`
        : `${f}: a little loss, too little to judge (${rateText(v.rate, lang)})`;
  }
}
