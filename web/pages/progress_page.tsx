/**
 * The progress page: a bar, a line per probe, cancel. Live through server-sent events when
 * script runs; without script the page refreshes itself every two seconds.
 *
 * @module
 */
import { raw } from "hono/html";
import { STATUS_TEXT } from "../../report/html/i18n.ts";
import type { PageCtx } from "../context.ts";
import type { WebRun } from "../runs.ts";
import { CsrfField } from "./forms.tsx";
import { page } from "./layout.tsx";
import { reportLinks } from "./links.ts";
import { PROGRESS_SCRIPT } from "./progress_script.ts";
import { progressState } from "./progress_state.ts";
import type { Lang } from "../../util/text.ts";

const T = {
  title: { ja: "測定中", en: "Measuring" },
  wait: {
    ja: "このままお待ちください。画面は自動で切り替わります。",
    en: "Please wait. The page moves on by itself.",
  },
  cancel: { ja: "中止する", en: "Cancel" },
  cancelled: {
    ja: "中止しました。途中までの結果を保存しました。",
    en: "Cancelled. What was measured so far has been saved.",
  },
  done: { ja: "測定が終わりました。", en: "The check is complete." },
  see: { ja: "結果を見る", en: "See the verdict" },
  failed: { ja: "測定できませんでした", en: "The check could not run" },
  pending: { ja: "待機中", en: "Waiting" },
  running: { ja: "測定中", en: "Measuring" },
  steps: {
    ja: ["1. 規約への同意", "2. 測定", "3. 結果と保存"],
    en: ["1. Accept the terms", "2. Measure", "3. Verdict and save"],
  },
};

/** Words the script needs, by state. */
function words(lang: Lang): Record<string, string> {
  const w: Record<string, string> = { pending: T.pending[lang], running: T.running[lang] };
  for (const [k, v] of Object.entries(STATUS_TEXT)) w[k] = v[lang];
  return w;
}

/** Renders the page for `run`. */
export function progressPage(ctx: PageCtx, run: WebRun): Promise<string> {
  const { lang } = ctx;
  const s = progressState(run.events);
  const w = words(lang);
  const verdictHref = s.finished?.ref ? reportLinks(s.finished.ref, lang).verdict : null;
  const ended = Boolean(s.finished || s.failed);
  return page(
    ctx,
    {
      title: T.title[lang],
      head: ended
        ? undefined
        : <noscript>{raw('<meta http-equiv="refresh" content="2">')}</noscript>,
      script: ended ? undefined : PROGRESS_SCRIPT,
    },
    <>
      <ol class="steps">
        {T.steps[lang].map((x, i) => (
          <li class={i === 0 ? "done" : i === (ended ? 2 : 1) ? "now" : ""}>{x}</li>
        ))}
      </ol>
      <section
        class="card"
        id="run"
        data-events={`/run/${run.id}/events`}
        data-words={JSON.stringify(w)}
        data-lang={lang}
      >
        <h1>{s.failed ? T.failed[lang] : ended ? T.done[lang] : T.title[lang]}</h1>
        {s.failed ? <p class="banner error">{s.failed[lang]}</p> : null}
        {s.finished?.partial ? <p class="banner">{T.cancelled[lang]}</p> : null}
        {!ended ? <p class="muted" id="wait">{T.wait[lang]}</p> : null}
        <progress max={String(Math.max(s.total, 1))} value={String(s.done)} />
        <p class="count muted">{`${s.done} / ${s.total}`}</p>
        <ul class="run-list">
          {s.lines.map((l) => (
            <li class={`st-${l.state}`} data-probe={l.id}>
              <span class="state">
                <span class={`pill st-${l.state}`}>{w[l.state]}</span>
              </span>
              <span class="title">{l.title[lang]}</span>
              <span class="note">{l.summary?.[lang] ?? l.note}</span>
            </li>
          ))}
        </ul>
        <div class="actions">
          {verdictHref
            ? <a class="button big" href={verdictHref} id="see-verdict">{T.see[lang]}</a>
            : null}
          {!ended
            ? (
              <form method="post" action={`/run/${run.id}/cancel`} class="inline">
                <CsrfField ctx={ctx} />
                <button type="submit" class="danger" id="cancel">{T.cancel[lang]}</button>
              </form>
            )
            : null}
        </div>
      </section>
    </>,
  );
}
