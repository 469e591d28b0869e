/**
 * The frame of every web-view page: the top bar with the product, navigation and the
 * language switch, and a footer with the quit button.
 *
 * @module
 */
import type { Child } from "hono/jsx";
import { Document, toHtml } from "../../report/html/document.tsx";
import { UI } from "../../report/html/i18n.ts";
import { SEND_UI } from "../../report/html/send_i18n.ts";
import { type PageCtx, withLang } from "../context.ts";
import { CsrfField } from "./forms.tsx";

/** Options of {@link page}. */
export interface PageOptions {
  title: string;
  /** Extra head elements. */
  head?: Child;
  /** Script code for this page (inlined with the nonce). */
  script?: string;
}

const QUIT = {
  ja: { button: "終了", hint: "終わったら「終了」を押してください。" },
  en: { button: "Quit", hint: "Press Quit when you are done." },
};

const LOCAL_ONLY = {
  ja:
    "この画面はお使いのコンピューターの中だけで表示されています。インターネットには公開されていません。",
  en: "These pages are served only inside this computer; they are not on the internet.",
};

/** Renders a complete page. */
export function page(ctx: PageCtx, opts: PageOptions, body: Child): Promise<string> {
  const { lang, brand } = ctx;
  const other = lang === "ja" ? "en" : "ja";
  return toHtml(
    <Document
      lang={lang}
      title={`${opts.title} — ${brand.product}`}
      head={opts.head}
      script={opts.script ? { nonce: ctx.nonce, code: opts.script } : undefined}
    >
      <header class="topbar">
        <div class="topbar-in">
          <a class="brand" href="/">
            <span class="brand-mark" aria-hidden="true">✓</span>
            {brand.product}
            <small>{brand.provider}</small>
          </a>
          <nav class="nav">
            <a href="/">{UI.home[lang]}</a>
            <a href="/compare">{UI.compare[lang]}</a>
            {ctx.sending ? <a href="/sends">{SEND_UI.navLink[lang]}</a> : null}
            <a class="lang" href={withLang(ctx.here, other)} hreflang={other} lang={other}>
              {UI.language[lang]}
            </a>
          </nav>
        </div>
      </header>
      <main>{body}</main>
      <footer class="page">
        {ctx.csrf
          ? (
            <form method="post" action="/quit" class="actions">
              <CsrfField ctx={ctx} />
              <span>{QUIT[lang].hint}</span>
              <button type="submit" class="secondary">{QUIT[lang].button}</button>
            </form>
          )
          : null}
        <p>{LOCAL_ONLY[lang]}</p>
      </footer>
    </Document>,
  );
}
