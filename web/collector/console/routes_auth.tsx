/**
 * Signing in and out, and changing one's password. Sign-in is limited per address before any
 * password is checked; a successful sign-in always makes a new session (a cookie planted
 * before it is never adopted) and ends the browser's previous one.
 *
 * @module
 */
import type { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { AccountError } from "../../../collector/accounts.ts";
import type { Helpers } from "./helpers.ts";
import { passwordPage, signInPage } from "./auth_pages.tsx";
import {
  checkedForm,
  type ConsoleEnv,
  cookieOptions,
  PRE_COOKIE,
  preSignInToken,
  SESSION_COOKIE,
} from "./guard.ts";
import { W } from "./words.ts";

/** Where to go after signing in: only a console path of this site. */
export function safeNext(next: string | undefined): string {
  return next && /^\/console(\/[^\\]*)?(\?[^\\]*)?$/.test(next) && !next.startsWith("//")
    ? next
    : "/console";
}

/** Adds the sign-in, sign-out and password routes. */
export function authRoutes(app: Hono<ConsoleEnv>, h: Helpers): void {
  const con = h.con;

  app.get("/sign-in", async (c) => {
    if (c.get("session")) return c.redirect(safeNext(c.req.query("next")), 303);
    const lang = h.ctx(c).lang;
    const why = c.req.query("out") === "1" ? W.signedOut[lang] : undefined;
    return h.html(
      c,
      await signInPage(h.ctx(c), {
        preToken: preSignInToken(c, con),
        next: c.req.query("next"),
        message: why,
      }),
    );
  });

  app.post("/sign-in", async (c) => {
    const lang = h.ctx(c).lang;
    const form = await checkedForm(c, con, getCookie(c, PRE_COOKIE));
    if (!form) return await h.message(c, 403, W.badForm[lang]);
    const again = async (message: string, status: number) =>
      h.html(
        c,
        await signInPage(h.ctx(c), {
          preToken: preSignInToken(c, con),
          login: (form.login ?? "").slice(0, 64),
          next: form.next,
          message,
        }),
        status,
      );
    const address = h.address(c);
    const limited = con.signInLimit.take(address);
    if (!limited.ok) {
      c.header("Retry-After", String(limited.retryAfterS));
      return await again(W.tooManyAttempts[lang], 429);
    }
    const result = await con.accounts.signIn(form.login ?? "", form.password ?? "", address);
    if (!result.ok) return await again(W.signInRefused[lang], 401);
    const old = c.get("token");
    if (old) await con.accounts.endSession(old, null);
    const opts = cookieOptions(c, con);
    deleteCookie(c, PRE_COOKIE, opts);
    setCookie(c, SESSION_COOKIE, result.token, opts);
    return c.redirect(safeNext(form.next), 303);
  });

  app.post("/sign-out", async (c) => {
    const session = c.get("session")!;
    const form = await checkedForm(c, con, session.csrf);
    if (!form) return await h.message(c, 403, W.badForm[h.ctx(c).lang]);
    await con.accounts.endSession(c.get("token")!, h.actor(c));
    deleteCookie(c, SESSION_COOKIE, cookieOptions(c, con));
    return c.redirect("/console/sign-in?out=1", 303);
  });

  app.get("/password", async (c) => {
    const staff = c.get("session")!.staff;
    return h.html(c, await passwordPage(h.ctx(c), { forced: staff.mustChangePassword }));
  });

  app.post("/password", async (c) => {
    const session = c.get("session")!;
    const lang = h.ctx(c).lang;
    const form = await checkedForm(c, con, session.csrf);
    if (!form) return await h.message(c, 403, W.badForm[lang]);
    const forced = session.staff.mustChangePassword;
    if ((form.next ?? "") !== (form.repeat ?? "")) {
      return h.html(c, await passwordPage(h.ctx(c), { forced, message: W.mismatch[lang] }), 400);
    }
    try {
      await con.accounts.changePassword(
        session.staff,
        form.current ?? "",
        form.next ?? "",
        c.get("token")!,
      );
    } catch (e) {
      if (!(e instanceof AccountError)) throw e;
      const message = e.code === "wrong-password"
        ? (lang === "ja" ? "今のパスワードが違います" : "The current password is wrong")
        : lang === "ja"
        ? "新しいパスワードは 12 文字以上で、ユーザー名を含まず、今のものと違う必要があります"
        : "A new password has 12 or more characters, does not contain the user name and differs from the current one";
      return h.html(c, await passwordPage(h.ctx(c), { forced, message }), 400);
    }
    if (forced) return c.redirect("/console", 303);
    return h.html(c, await passwordPage({ ...h.ctx(c) }, { forced: false, done: true }));
  });
}
