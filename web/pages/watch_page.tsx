/**
 * The watch's page in the app: is it running, how many samples, what happened so far, the
 * verdict so far, a link to its report and a button to stop it.
 *
 * @module
 */
import { WATCH_UI } from "../../report/html/watch_i18n.ts";
import type { PageCtx } from "../context.ts";
import { CsrfField } from "./forms.tsx";
import { page } from "./layout.tsx";

/** What the page shows (from `watch status`). */
export interface WatchView {
  state: "none" | "running" | "paused" | "stalled" | "ended";
  samples: number;
  startedAt: string | null;
  untilAt: string | null;
  events: { detail: string }[];
  verdict: string | null;
  /** Link to the watch report in this app, when it exists yet. */
  reportHref: string | null;
}

/** Renders the watch page. */
export function watchPage(ctx: PageCtx, v: WatchView, started = false): Promise<string> {
  const { lang } = ctx;
  const ja = lang === "ja";
  const word = {
    none: { ja: "監視していません", en: "Not watching" },
    running: { ja: "監視中", en: "Watching" },
    paused: { ja: "一時停止中", en: "Paused" },
    stalled: { ja: "止まっています", en: "Not running" },
    ended: { ja: "終了しました", en: "Finished" },
  }[v.state][lang];
  const live = v.state === "running" || v.state === "paused" || v.state === "stalled";
  return page(
    ctx,
    { title: WATCH_UI.watchTitle[lang] },
    <section class="card">
      <h1>{word}</h1>
      {started ? <p class="banner">{WATCH_UI.offerStartedText[lang]}</p> : null}
      <p class="muted">
        {ja
          ? `${v.samples} 回測定${v.startedAt ? ` (${v.startedAt} から` : ""}${
            v.untilAt ? `、${v.untilAt} まで)` : v.startedAt ? ")" : ""
          }`
          : `${v.samples} samples${v.startedAt ? ` (from ${v.startedAt}` : ""}${
            v.untilAt ? ` until ${v.untilAt})` : v.startedAt ? ")" : ""
          }`}
      </p>
      {v.verdict ? <p class="watch-verdict">{v.verdict}</p> : null}
      {v.events.length ? <ul>{v.events.map((e, i) => <li key={i}>{e.detail}</li>)}</ul> : null}
      <p class="actions">
        {v.reportHref
          ? (
            <a class="button secondary" href={v.reportHref}>
              {ja ? "レポートを開く" : "Open the report"}
            </a>
          )
          : null}
        {live
          ? (
            <form method="post" action="/watch/stop" class="inline">
              <CsrfField ctx={ctx} />
              <button type="submit" class="danger">{WATCH_UI.offerStop[lang]}</button>
            </form>
          )
          : null}
      </p>
    </section>,
  );
}
