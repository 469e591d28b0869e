/**
 * The incident banner: "12 reports blame the provider's network between 20:41 and 21:10 —
 * 9 of them lose packets from the same hop 10.64.0.1", with a link to those reports.
 *
 * @module
 */
import { SEGMENT_NAMES } from "../../../probes/types.ts";
import type { Incident } from "../../../collector/incidents.ts";
import { searchFields } from "../../../collector/search_filter.ts";
import type { PageCtx } from "./layout.tsx";
import { fmtTime, W } from "./words.ts";

/** Banners for `incidents` (nothing when there are none). */
export function IncidentBanners(
  props: { ctx: PageCtx; incidents: Incident[]; tenant?: string | null },
) {
  const { ctx } = props;
  const { lang } = ctx;
  return (
    <>
      {props.incidents.map((i) => {
        const seg = SEGMENT_NAMES[i.segment][lang];
        const first = fmtTime(i.first, ctx.timeZone);
        const last = fmtTime(i.last, ctx.timeZone).slice(11);
        const link = new URLSearchParams(searchFields({
          segment: i.segment,
          from: new Date(Math.floor(i.first.getTime() / 60_000) * 60_000),
          to: new Date(Math.ceil((i.last.getTime() + 1) / 60_000) * 60_000),
          ...(props.tenant ? { tenant: props.tenant } : {}),
        }, ctx.timeZone));
        return (
          <section class="incident" role="alert" aria-label={W.incident[lang]}>
            <p>
              <strong>{W.incident[lang]}</strong>
              {lang === "ja"
                ? `: ${first}〜${last} に ${i.count} 件のレポートが「${seg}」の問題を示しています。`
                : `: ${i.count} reports blame ${seg} between ${first} and ${last}.`}
            </p>
            {i.hops.map((h) => (
              <p>
                {lang === "ja"
                  ? `うち ${h.count} 件は同じ中継点 `
                  : `${h.count} of them lose packets from the same hop `}
                <code translate="no">{h.hop}</code>
                {lang === "ja" ? " から先で通信が失われています。" : "."}
              </p>
            ))}
            <p>
              <a href={`/console?${link}`}>{W.showThem[lang]} →</a>
            </p>
          </section>
        );
      })}
    </>
  );
}
