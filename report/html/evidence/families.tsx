/**
 * Per-family results of the web and TCP probes: each family tried for a target, and the line
 * that says what the preferred family failing costs (a browser's delay, an app's wait).
 *
 * @module
 */
import { formatMs } from "../format.ts";
import type { Lang } from "../../../util/text.ts";
import { family, Mark, num, obj, objs, Say, str, V } from "./parts.tsx";

const F = {
  browser: { ja: "ブラウザー", en: "a browser" },
  oneByOne: { ja: "宛先を一つずつ試すアプリ", en: "an app trying one address at a time" },
  osTimeout: { ja: "OS の接続タイムアウト", en: "the OS connect timeout" },
  first: { ja: "先に試す", en: "tried first" },
  failed: { ja: "失敗", en: "failed" },
} as const;

/** One line under a target: the preferred family failed, and what that costs. */
export function FallbackLine(props: { fallback: unknown; lang: Lang }) {
  const f = obj(props.fallback);
  const { lang } = props;
  if (!f || !str(f.preferredError)) return null;
  const fam = f.preferred === 6 ? "IPv6" : "IPv4";
  const seq = num(f.sequentialMs);
  return (
    <Say tone="warn">
      {`${fam} (${F.first[lang]}) ${F.failed[lang]}: `}
      <V>{str(f.preferredError)}</V>
      {` · ${F.browser[lang]} +${formatMs(num(f.happyEyeballsDelayMs))} · ${F.oneByOne[lang]} ${
        seq === null ? "–" : formatMs(seq)
      }${f.sequentialIsOsTimeout === true ? ` (${F.osTimeout[lang]})` : ""}`}
    </Say>
  );
}

/** Each family's request of an `http.timing` target, when both were tried. */
export function FamilyList(props: { families: unknown; lang: Lang }) {
  const fs = objs(props.families);
  if (fs.length < 2) return null;
  return (
    <ul class="plain small">
      {fs.map((f) => (
        <li>
          <Mark tone={f.ok === true ? "ok" : "fail"}>{family(f.family)}</Mark>{" "}
          <V>{str(f.address)}</V> {f.ok === true
            ? `HTTP ${num(f.status) ?? "–"} · ${formatMs(num(f.totalMs))}`
            : <V>{str(f.error) ?? "–"}</V>}
        </li>
      ))}
    </ul>
  );
}
