/**
 * The path picture in miniature, for lists: device → LAN → provider → DNS → internet →
 * service as six marks joined by lines, each coloured by its segment's verdict and carrying
 * a mark (✓ ! ✕ ?) and a spoken label, so the meaning never rests on colour alone.
 *
 * @module
 */
import type { Verdict } from "../../../diagnosis/schema.ts";
import { type Segment, SEGMENT_NAMES, SEGMENTS } from "../../../probes/types.ts";
import { VERDICT_TEXT } from "../../../report/html/i18n.ts";
import type { Lang } from "../../../util/text.ts";

const MARK: Record<Verdict | "partial", string> = {
  ok: "✓",
  warn: "!",
  fail: "✕",
  unknown: "?",
  partial: "?",
};

/**
 * The miniature. A stopped run's fine segments show as partly measured, never green (the list
 * has no body to tell which probes were missed, so every fine segment of a partial report).
 */
export function MiniPath(
  props: { verdicts: Record<Segment, Verdict>; partial?: boolean; lang: Lang },
) {
  const { lang } = props;
  const shown = (s: Segment) =>
    props.partial && props.verdicts[s] === "ok" ? "partial" : props.verdicts[s];
  const label = SEGMENTS.map((s) => `${SEGMENT_NAMES[s][lang]}: ${VERDICT_TEXT[shown(s)][lang]}`)
    .join(lang === "ja" ? "、" : ", ");
  return (
    <span class="mini-path" role="img" aria-label={label} title={label}>
      {SEGMENTS.map((s, i) => {
        const v = shown(s);
        return (
          <span class="mp" aria-hidden="true">
            {i > 0 ? <span class={`ln v-${v}`} /> : null}
            <span class={`st v-${v}`}>{MARK[v]}</span>
          </span>
        );
      })}
    </span>
  );
}
