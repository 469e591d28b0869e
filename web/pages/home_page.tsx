/**
 * The first page. In app mode: what the kit does, the start button (or the way to the
 * terms), and earlier reports. In view mode: the reports the user named.
 *
 * @module
 */
import type { Probe } from "../../probes/types.ts";
import { UI } from "../../report/html/i18n.ts";
import type { PageCtx } from "../context.ts";
import type { LibraryEntry } from "../library.ts";
import { CsrfField } from "./forms.tsx";
import { page } from "./layout.tsx";
import { ReportList } from "./report_list.tsx";
import type { Lang, Localized } from "../../util/text.ts";

const T = {
  title: { ja: "インターネット接続の診断", en: "Check your internet connection" },
  intro: {
    ja:
      "つながらない・遅いといった問題が、この端末、Wi-Fi やルーター、プロバイダー、DNS、インターネットのどこで起きているかを調べます。測定は数十秒で終わります。",
    en:
      "Finds out whether a problem with your connection lies in this device, the Wi-Fi or router, the provider, DNS or the internet. Measuring takes less than a minute.",
  },
  steps: {
    ja: ["1. 規約への同意", "2. 測定", "3. 結果と保存"],
    en: ["1. Accept the terms", "2. Measure", "3. Verdict and save"],
  },
  start: { ja: "診断を始める", en: "Start the check" },
  toTerms: { ja: "規約を読んで始める", en: "Read the terms and start" },
  measured: { ja: "測定する項目", en: "What is measured" },
  changeConsent: { ja: "同意内容を確認・変更する", en: "Review or change your consent" },
  running: { ja: "測定中の画面に戻る", en: "Back to the running check" },
  earlier: { ja: "これまでのレポート", en: "Earlier reports" },
};

/** App mode's home. */
export function appHomePage(
  ctx: PageCtx,
  opts: {
    consented: boolean;
    /** Why the check cannot run at all (licence, OS), if so. */
    blocked?: Localized | null;
    /** Notes to read before starting (e.g. an OS the provider does not support). */
    warnings?: Localized[];
    probes: readonly Probe[];
    entries: LibraryEntry[];
    runningHref?: string;
  },
): Promise<string> {
  const { lang } = ctx;
  return page(
    ctx,
    { title: T.title[lang] },
    <>
      <ol class="steps">
        {T.steps[lang].map((s, i) => (
          <li class={i === (opts.consented ? 1 : 0) ? "now" : i === 0 ? "done" : ""}>{s}</li>
        ))}
      </ol>
      <section class="card">
        <h1>{T.title[lang]}</h1>
        <p class="lead">{T.intro[lang]}</p>
        {opts.blocked ? <p class="banner error">{opts.blocked[lang]}</p> : null}
        {(opts.warnings ?? []).map((w, i) => <p key={i} class="banner">{w[lang]}</p>)}
        <div class="actions">
          {opts.blocked
            ? null
            : opts.runningHref
            ? <a class="button big" href={opts.runningHref}>{T.running[lang]}</a>
            : opts.consented
            ? (
              <form method="post" action="/run" class="inline">
                <CsrfField ctx={ctx} />
                <button type="submit" class="big" id="start">{T.start[lang]}</button>
              </form>
            )
            : <a class="button big" href="/terms" id="to-terms">{T.toTerms[lang]}</a>}
          {opts.consented ? <a href="/terms">{T.changeConsent[lang]}</a> : null}
        </div>
      </section>
      <details class="panel">
        <summary>{T.measured[lang]} ({opts.probes.length})</summary>
        <ProbeList probes={opts.probes} lang={lang} />
      </details>
      <h2 class="section-title">{T.earlier[lang]}</h2>
      <ReportList entries={opts.entries} lang={lang} />
    </>,
  );
}

/** View mode's home: the reports. */
export function viewHomePage(ctx: PageCtx, entries: LibraryEntry[]): Promise<string> {
  const { lang } = ctx;
  return page(
    ctx,
    { title: UI.reports[lang] },
    <>
      <h1>{UI.reports[lang]}</h1>
      <ReportList entries={entries} lang={lang} />
      {entries.filter((e) => e.report).length >= 2
        ? <a class="button secondary" href="/compare">{UI.compareTitle[lang]}</a>
        : null}
    </>,
  );
}

function ProbeList(props: { probes: readonly Probe[]; lang: Lang }) {
  return (
    <table class="kv">
      <tbody>
        {props.probes.map((p) => (
          <tr>
            <th scope="row">{p.title[props.lang]}</th>
            <td>{p.description[props.lang]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
