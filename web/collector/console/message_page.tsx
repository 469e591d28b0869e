/**
 * A page that only says something: not found, not allowed, the form was refused, the
 * database is away. The status code is the caller's.
 *
 * @module
 */
import { consolePage, type PageCtx } from "./layout.tsx";
import { W } from "./words.ts";

/** Renders a message page. */
export function messagePage(ctx: PageCtx, title: string, text?: string): Promise<string> {
  const { lang } = ctx;
  return consolePage(
    ctx,
    { title },
    <section class="panel">
      <h1>{title}</h1>
      {text ? <p>{text}</p> : null}
      <p>
        <a href="/console">← {W.search[lang]}</a>
      </p>
    </section>,
  );
}
