// deno-lint-ignore-file jsx-key -- server-rendered (Hono): cells and rows are positional, keys mean nothing
/**
 * The DNS probes: `dns.resolve` as a grid of resolver × query type × name with the response
 * code, the time and the answers in each cell; `dns.compare` as the configured resolvers
 * against public ones, a column per name and record type; `dns.config` as the servers and
 * search domains in use.
 *
 * @module
 */
import { formatMs } from "../format.ts";
import type { Lang } from "../../../util/text.ts";
import { COMPARE_VERDICT, dnsOutcome, rcodeName, RESOLVER_KIND } from "./dns_words.ts";
import { Facts, Mark, num, type Obj, objs, Say, str, strs, Table, type Tone, V } from "./parts.tsx";
import type { EvidenceProps } from "./types.ts";

const T = {
  resolver: { ja: "DNS サーバー", en: "Resolver" },
  type: { ja: "種類", en: "Type" },
  grid: { ja: "DNS サーバー・種類・名前ごとの結果", en: "Results by resolver, type and name" },
  any: { ja: "A と AAAA", en: "A and AAAA" },
  slow: { ja: "遅い", en: "slow" },
  slowAt: { ja: "遅いとみなす時間", en: "Counted as slow from" },
  kind: { ja: "区分", en: "Kind" },
  answered: { ja: "応答", en: "Answered" },
  median: { ja: "中央値", en: "Median" },
  compare: { ja: "DNS サーバーの比較", en: "Resolvers compared" },
  notes: { ja: "補足", en: "Notes" },
  servers: { ja: "DNS サーバー", en: "DNS servers" },
  search: { ja: "検索ドメイン", en: "Search domains" },
  source: { ja: "読み取り元", en: "Read from" },
  iface: { ja: "インターフェイス", en: "Interface" },
  none: { ja: "なし", en: "none" },
  perIface: { ja: "インターフェイスごとの DNS サーバー", en: "DNS servers per interface" },
} as const;

/** One lookup's outcome: mark, words, code, time, answers. */
function Cell(props: { l: Obj; slowMs: number | null; lang: Lang }) {
  const { l, lang } = props;
  const rcode = typeof l.rcode === "string" || typeof l.rcode === "number" ? l.rcode : null;
  const error = str(l.error);
  const ms = num(l.ms);
  const known = dnsOutcome(rcode ?? error ?? (l.ok === true ? "ok" : null));
  let tone: Tone = known?.tone ?? (l.ok === true ? "ok" : "fail");
  if (tone === "ok" && ms !== null && props.slowMs !== null && ms > props.slowMs) tone = "warn";
  const answers = strs(l.answers);
  const code = rcode !== null
    ? rcodeName(rcode)
    : error && !known
    ? error
    : error?.toUpperCase() ?? null;
  return (
    <div class="dns-cell">
      <Mark tone={tone}>{known ? known[lang] : l.ok === true ? "✓" : ""}</Mark>
      {code ? <code class="small" translate="no">{code}</code> : null}
      {ms !== null
        ? (
          <span class="ms">
            {formatMs(ms)}
            {tone === "warn" && !error ? ` (${T.slow[lang]})` : ""}
          </span>
        )
        : null}
      {answers.length ? <span class="answers">{answers.map((a) => <V>{a}</V>)}</span> : null}
    </div>
  );
}

/** `dns.resolve`: the grid. */
export function DnsResolveView(props: EvidenceProps) {
  const { lang } = props;
  const lookups = objs(props.result.data.lookups);
  if (lookups.length === 0) return null;
  const slowMs = num(props.result.data.slowMs);
  const names = [...new Set(lookups.map((l) => str(l.name) ?? "–"))];
  const rowKeys: { resolver: string; server: string | null; type: string }[] = [];
  for (const l of lookups) {
    const key = {
      resolver: str(l.resolver) ?? "–",
      server: str(l.server),
      type: str(l.type) ?? "–",
    };
    if (!rowKeys.some((k) => k.resolver === key.resolver && k.type === key.type)) rowKeys.push(key);
  }
  const find = (k: typeof rowKeys[number], name: string) =>
    lookups.find((l) =>
      (str(l.resolver) ?? "–") === k.resolver && (str(l.type) ?? "–") === k.type &&
      (str(l.name) ?? "–") === name
    );
  return (
    <>
      <Table
        label={T.grid[lang]}
        cols={[
          { label: T.resolver[lang] },
          { label: T.type[lang] },
          ...names.map((n) => ({ label: n, value: true })),
        ]}
        rows={rowKeys.map((k) => [
          <>
            <V>{k.resolver === "system" ? RESOLVER_KIND.system[lang] : k.resolver}</V>
            {k.server
              ? (
                <div class="muted small">
                  <V>{k.server}</V>
                </div>
              )
              : null}
          </>,
          k.type === "any" ? T.any[lang] : <V>{k.type}</V>,
          ...names.map((n) => {
            const l = find(k, n);
            return l ? <Cell l={l} slowMs={slowMs} lang={lang} /> : "–";
          }),
        ])}
      />
      {slowMs !== null ? <p class="muted small">{T.slowAt[lang]}: {formatMs(slowMs)}</p> : null}
    </>
  );
}

/** `dns.compare`: the resolvers side by side and the conclusion. */
export function DnsCompareView(props: EvidenceProps) {
  const { lang } = props;
  const data = props.result.data;
  const resolvers = objs(data.resolvers);
  if (resolvers.length === 0 && !data.verdict) return null;
  const verdict = COMPARE_VERDICT[str(data.verdict) ?? ""];
  // One column per name and record type (older reports: per name).
  const col = (l: Obj) => `${str(l.name) ?? "–"}${str(l.type) ? ` ${str(l.type)}` : ""}`;
  const names = [...new Set(resolvers.flatMap((r) => objs(r.lookups).map(col)))];
  return (
    <>
      {verdict ? <Say tone={verdict.tone}>{verdict[lang]}</Say> : null}
      {resolvers.length
        ? (
          <Table
            label={T.compare[lang]}
            cols={[
              { label: T.resolver[lang] },
              { label: T.kind[lang] },
              { label: T.answered[lang], num: true },
              { label: T.median[lang], num: true },
              ...names.map((n) => ({ label: n, value: true })),
            ]}
            rows={resolvers.map((r) => {
              const ls = objs(r.lookups);
              const kind = RESOLVER_KIND[str(r.kind) ?? ""];
              return [
                <>
                  <V>{str(r.name)}</V>
                  {r.address && r.address !== r.name
                    ? (
                      <div class="muted small">
                        <V>{str(r.address)}</V>
                      </div>
                    )
                    : null}
                </>,
                kind ? kind[lang] : <V>{str(r.kind)}</V>,
                `${num(r.okCount) ?? "–"}/${ls.length}`,
                formatMs(num(r.medianMs)),
                ...names.map((n) => {
                  const l = ls.find((x) => col(x) === n);
                  return l ? <Cell l={l} slowMs={null} lang={lang} /> : "–";
                }),
              ];
            })}
          />
        )
        : null}
      {strs(data.notes).length
        ? (
          <Facts
            rows={[[
              T.notes[lang],
              <ul class="plain">
                {strs(data.notes).map((n) => (
                  <li>
                    <V>{n}</V>
                  </li>
                ))}
              </ul>,
            ]]}
          />
        )
        : null}
    </>
  );
}

/** `dns.config`: where the servers come from and which they are. */
export function DnsConfigView(props: EvidenceProps) {
  const { lang } = props;
  const d = props.result.data;
  const servers = strs(d.servers);
  const ifaces = objs(d.interfaces);
  if (!d.source && servers.length === 0) return null;
  return (
    <>
      <Facts
        rows={[
          [
            T.servers[lang],
            servers.length
              ? <span class="addr-list">{servers.map((s) => <V>{s}</V>)}</span>
              : T.none[lang],
          ],
          [
            T.search[lang],
            strs(d.searchDomains).length
              ? <span class="addr-list">{strs(d.searchDomains).map((s) => <V>{s}</V>)}</span>
              : T.none[lang],
          ],
          [T.source[lang], <code translate="no">{str(d.source)}</code>],
        ]}
      />
      {ifaces.length > 1 || (ifaces.length === 1 && str(ifaces[0].name) !== "(system)")
        ? (
          <Table
            label={T.perIface[lang]}
            cols={[{ label: T.iface[lang] }, { label: T.servers[lang] }]}
            rows={ifaces.map((
              i,
            ) => [
              <V>{str(i.name)}</V>,
              <span class="addr-list">{strs(i.servers).map((s) => <V>{s}</V>)}</span>,
            ])}
          />
        )
        : null}
    </>
  );
}
