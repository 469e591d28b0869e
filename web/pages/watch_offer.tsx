/**
 * "Watch this evening": the offer under a healthy verdict in the app. The check found nothing
 * now, which is exactly when a line that is slow only at night, or drops now and then, needs
 * watching. One button starts a light watch until the morning; while one runs, the offer
 * links to its page instead.
 *
 * @module
 */
import type { Report } from "../../report/schema.ts";
import { WATCH_UI } from "../../report/html/watch_i18n.ts";
import type { PageCtx } from "../context.ts";
import { CsrfField } from "./forms.tsx";

/** True when `report` earns the offer: a finished, healthy check (not itself a watch). */
export function offersWatch(report: Report): boolean {
  return !report.watch && !report.partial && report.diagnosis.headline.segment === null &&
    Object.values(report.diagnosis.segments).some((s) => s.verdict === "ok");
}

/** The offer panel; `running` when a watch already goes on. */
export function WatchOffer(props: { ctx: PageCtx; running: boolean }) {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <section class="panel watch-offer" aria-labelledby="watch-offer-title">
      <h2 id="watch-offer-title">{WATCH_UI.offerTitle[lang]}</h2>
      {props.running
        ? (
          <p>
            <a class="button secondary" href="/watch">{WATCH_UI.offerRunning[lang]} →</a>
          </p>
        )
        : (
          <>
            <p>{WATCH_UI.offerText[lang]}</p>
            <form method="post" action="/watch/start" class="inline">
              <CsrfField ctx={ctx} />
              <button type="submit">{WATCH_UI.offerButton[lang]}</button>
            </form>
          </>
        )}
    </section>
  );
}
