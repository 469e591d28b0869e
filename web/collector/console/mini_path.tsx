/**
 * The path picture in miniature, for lists: device → LAN → provider → DNS → internet →
 * service as six marks joined by lines, each coloured by its segment's verdict and carrying
 * a mark (✓ ! ✕ ?) and a spoken label, so the meaning never rests on colour alone.
 *
 * @module
 */
import type { Verdict } from "../../../diagnosis/schema.ts";
import { type Segment, SEGMENTS } from "../../../probes/types.ts";
import { SEGMENT_TEXT, VERDICT_TEXT } from "../../../report/html/i18n.ts";
import type { Lang } from "../../../util/text.ts";

const MARK: Record<Verdict, string> = { ok: "✓", warn: "!", fail: "✕", unknown: "?" };

/** The miniature. */
export function MiniPath(props: { verdicts: Record<Segment, Verdict>; lang: Lang }) {
  const { lang } = props;
  const label = SEGMENTS.map((s) =>
    `${SEGMENT_TEXT[s][lang]}: ${VERDICT_TEXT[props.verdicts[s]][lang]}`
  ).join(lang === "ja" ? "、" : ", ");
  return (
    <ol class="mini-path" role="img" aria-label={label} title={label}>
      {SEGMENTS.map((s, i) => {
        const v = props.verdicts[s];
        return (
          <li aria-hidden="true">
            {i > 0 ? <span class={`ln v-${v}`} /> : null}
            <span class={`st v-${v}`}>{MARK[v]}</span>
          </li>
        );
      })}
    </ol>
  );
}
