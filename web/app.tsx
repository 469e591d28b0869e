/**
 * The web view as a Hono app: the guards in front (headers, Host, session, CSRF), the report
 * pages, and in app mode the terms, the runs and their live progress. Built by a factory
 * and tested in memory with `app.request()`.
 *
 * @module
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { KiriwakeError } from "../util/errors.ts";
import { type CtxOf, type Env, pickLang } from "./context.ts";
import { csrfGuard, hostGuard, sessionGuard } from "./guards.ts";
import { securityHeaders } from "./headers.ts";
import type { AppOptions } from "./options.ts";
import { messagePage } from "./pages/message.tsx";
import { appRoutes } from "./routes_app.tsx";
import { viewRoutes } from "./routes_view.tsx";
import { sendRoutes } from "./routes_send.tsx";
import type { Localized } from "../util/text.ts";

export type { AppOptions } from "./options.ts";

const NOT_ALLOWED: { title: Localized; text: Localized } = {
  title: { ja: "このページは開けません", en: "This page cannot be opened" },
  text: {
    ja:
      "kiriwake が表示したアドレスから開いてください。アドレスは 1 回だけ使えます。開けない場合は kiriwake を起動し直してください。",
    en:
      "Open the address kiriwake printed. It works once only; if it does not work, start kiriwake again.",
  },
};

const NOT_FOUND: { title: Localized; text: Localized } = {
  title: { ja: "見つかりません", en: "Not found" },
  text: {
    ja: "そのレポートまたはページはありません。",
    en: "There is no such report or page.",
  },
};

const REFUSED: { title: Localized; text: Localized } = {
  title: { ja: "この操作はお受けできません", en: "This request was refused" },
  text: {
    ja:
      "ページが古くなっているか、ほかのサイトから送られた操作です。ホームから操作し直してください。",
    en: "The page is out of date, or the request came from another site. Start again from Home.",
  },
};

/** Builds the app. Options are checked here, before any request. */
export function createApp(opts: AppOptions): Hono<Env> {
  if (opts.guard.port <= 0) throw new RangeError(`createApp: guard.port must be the bound port`);
  for (const k of ["token", "session", "csrf"] as const) {
    if (opts.guard[k].length < 16) throw new RangeError(`createApp: guard.${k} is too short`);
  }
  opts = { ...opts, beforeQuit: opts.beforeQuit ?? [] };
  const app = new Hono<Env>();
  const ctxOf: CtxOf = (c) => {
    const url = new URL(c.req.url);
    return {
      lang: pickLang(c, opts.lang),
      brand: opts.brand,
      mode: opts.app ? "app" : "view",
      csrf: opts.guard.csrf,
      nonce: c.get("nonce"),
      here: url.pathname + url.search,
      sending: opts.send !== undefined,
    };
  };

  app.use(securityHeaders());
  app.use(hostGuard(opts.guard.port));
  // The refusal page must not carry the form token: it is shown to anyone without a session.
  app.use(sessionGuard(opts.guard, async (c) =>
    c.html(
      await messagePage({ ...ctxOf(c), csrf: "" }, {
        ...NOT_ALLOWED,
        tone: "error",
      }),
      403,
    )));
  app.use(csrfGuard(opts.guard));

  app.post("/quit", async (c) => {
    const ctx = ctxOf(c);
    // Answer first; then stop what runs (its partial report is written) and the server.
    setTimeout(async () => {
      await Promise.all((opts.beforeQuit ?? []).map((f) => f()));
      opts.onQuit?.();
    }, 50);
    return c.html(
      await messagePage(ctx, {
        title: { ja: "終了しました", en: "kiriwake has stopped" },
        text: {
          ja: "このウィンドウ (タブ) は閉じてかまいません。保存したレポートはそのまま残ります。",
          en: "You can close this window. Saved reports stay where they are.",
        },
      }),
    );
  });
  viewRoutes(app, opts, ctxOf);
  if (opts.send) sendRoutes(app, opts, opts.send, ctxOf);
  if (opts.app) appRoutes(app, opts, opts.app, ctxOf);

  app.notFound(async (c) =>
    c.html(
      await messagePage(ctxOf(c), {
        title: { ja: "ページが見つかりません", en: "Page not found" },
        text: { ja: "アドレスをご確認ください。", en: "Check the address." },
        link: { href: "/", text: { ja: "ホームへ", en: "Home" } },
      }),
      404,
    )
  );
  app.onError(async (err, c) => {
    const ctx = ctxOf(c);
    if (err instanceof HTTPException) {
      const status = err.status;
      return c.html(
        await messagePage(ctx, {
          ...(status === 404 ? NOT_FOUND : REFUSED),
          tone: "error",
          link: { href: "/", text: { ja: "ホームへ", en: "Home" } },
        }),
        status,
      );
    }
    if (err instanceof KiriwakeError) {
      const status = err.name === "InvalidInputError" ? 422 : err.name === "UsageError" ? 400 : 403;
      return c.html(
        await messagePage(ctx, {
          title: { ja: "問題があります", en: "Something is wrong" },
          text: err.text,
          tone: "error",
          link: { href: "/", text: { ja: "ホームへ", en: "Home" } },
        }),
        status,
      );
    }
    console.error(err);
    return c.html(
      await messagePage(ctx, {
        title: { ja: "内部エラー", en: "Internal error" },
        text: {
          ja: "予期しないエラーが起きました。kiriwake を起動し直してください。",
          en: "Something unexpected went wrong. Please start kiriwake again.",
        },
        tone: "error",
      }),
      500,
    );
  });
  return app;
}
