/**
 * The HTML document shell shared by the web view and the single-file report: language,
 * viewport, the inlined stylesheet, an inline SVG icon and optional scripts (nonced).
 *
 * @module
 */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { CSS } from "./styles.ts";
import type { Lang } from "../../util/text.ts";

const ICON = "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#1f5fbf"/><path d="M7 16h6l3-6 3 12 3-6h3" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  );

/** What the shell needs. */
export interface DocumentProps {
  lang: Lang;
  title: string;
  /** A Content-Security-Policy for a `<meta>` tag (the single file has no headers). */
  metaCsp?: string;
  /** Extra elements for `<head>` (e.g. a `<noscript>` refresh). */
  head?: Child;
  /** A script to inline, with the nonce its page's CSP allows. */
  script?: { nonce: string; code: string };
  children?: Child;
}

/** The document. The caller prefixes `<!DOCTYPE html>` when serialising. */
export function Document(props: DocumentProps) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        {props.metaCsp
          ? <meta http-equiv="Content-Security-Policy" content={props.metaCsp} />
          : null}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <meta name="robots" content="noindex" />
        <title>{props.title}</title>
        <link rel="icon" href={ICON} />
        <style>{raw(CSS)}</style>
        {props.head}
      </head>
      <body>
        {props.children}
        {props.script ? <script nonce={props.script.nonce}>{raw(props.script.code)}</script> : null}
      </body>
    </html>
  );
}

/** Serialises a JSX element as a complete HTML document. */
export async function toHtml(el: unknown): Promise<string> {
  return "<!DOCTYPE html>\n" + (await String(await (el as { toString(): unknown }).toString()));
}
