/**
 * The frame of every console page: the report pages' document shell and stylesheet plus the
 * console's own, the top bar with the sections the signed-in role may use, who is signed in,
 * the language switch and sign-out.
 *
 * @module
 */
import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import type { StaffAccount } from "../../../collector/accounts.ts";
import { can } from "../../../collector/roles.ts";
import { Document, toHtml } from "../../../report/html/document.tsx";
import type { Lang } from "../../../util/text.ts";
import { CONSOLE_CSS } from "./styles.ts";
import { ROLE_TEXT, W } from "./words.ts";

/** What every console page gets. */
export interface PageCtx {
  lang: Lang;
  /** Path and query of this request (the language switch keeps it). */
  here: string;
  staff: StaffAccount | null;
  /** The session's form token (null before sign-in). */
  csrf: string | null;
  product: string;
  provider: string;
  /** The collector's time zone, in which times are shown. */
  timeZone: string;
}

/** Which section a page belongs to (marked in the top bar). */
export type Section = "search" | "audit" | "staff" | "tenants" | "none";

/** `here` with `lang` switched. */
export function withLang(here: string, lang: Lang): string {
  const u = new URL(here, "http://x");
  u.searchParams.set("lang", lang);
  return u.pathname + u.search;
}

/** A hidden field with the form token. */
export function CsrfField(props: { token: string | null }) {
  return <input type="hidden" name="csrf" value={props.token ?? ""} />;
}

/** Renders a complete console page. */
export function consolePage(
  ctx: PageCtx,
  opts: { title: string; section?: Section },
  body: Child,
): Promise<string> {
  const { lang, staff } = ctx;
  const other = lang === "ja" ? "en" : "ja";
  const cur = (s: Section) => opts.section === s ? { "aria-current": "page" } : {};
  return toHtml(
    <Document
      lang={lang}
      title={`${opts.title} — ${W.console[lang]} — ${ctx.product}`}
      head={<style>{raw(CONSOLE_CSS)}</style>}
    >
      <header class="topbar">
        <div class="topbar-in">
          <a class="brand" href="/console">
            <span class="brand-mark" aria-hidden="true">✓</span>
            {ctx.product}
            <small>{W.console[lang]}</small>
          </a>
          <nav class="nav" aria-label={W.console[lang]}>
            {staff
              ? (
                <>
                  <a href="/console" {...cur("search")}>{W.search[lang]}</a>
                  {can(staff, "read-audit")
                    ? <a href="/console/audit" {...cur("audit")}>{W.audit[lang]}</a>
                    : null}
                  {can(staff, "manage-staff")
                    ? <a href="/console/staff" {...cur("staff")}>{W.staff[lang]}</a>
                    : null}
                  {can(staff, "set-retention")
                    ? <a href="/console/tenants" {...cur("tenants")}>{W.tenants[lang]}</a>
                    : null}
                  <span class="who">
                    <strong translate="no">{staff.login}</strong> · {ROLE_TEXT[staff.role][lang]}
                    {" · "}
                    <span translate="no">{staff.tenant}</span>
                  </span>
                </>
              )
              : null}
            <a class="lang" href={withLang(ctx.here, other)} hreflang={other} lang={other}>
              {W.language[lang]}
            </a>
            {staff
              ? (
                <form method="post" action="/console/sign-out">
                  <CsrfField token={ctx.csrf} />
                  <button type="submit" class="secondary">{W.signOut[lang]}</button>
                </form>
              )
              : null}
          </nav>
        </div>
      </header>
      <main>{body}</main>
      <footer class="page">
        <p>{ctx.provider}</p>
      </footer>
    </Document>,
  );
}
