/**
 * A page with a title and a message: errors, refusals, "you can close this window".
 *
 * @module
 */
import type { PageCtx } from "../context.ts";
import { page } from "./layout.tsx";
import type { Localized } from "../../util/text.ts";

/** Renders a message page. */
export function messagePage(
  ctx: PageCtx,
  msg: {
    title: Localized;
    text: Localized;
    tone?: "error" | "info";
    link?: { href: string; text: Localized };
  },
): Promise<string> {
  const { lang } = ctx;
  return page(
    ctx,
    { title: msg.title[lang] },
    <section class="card">
      <h1>{msg.title[lang]}</h1>
      <p class={msg.tone === "error" ? "banner error" : ""}>{msg.text[lang]}</p>
      {msg.link ? <a class="button" href={msg.link.href}>{msg.link.text[lang]}</a> : null}
    </section>,
  );
}
