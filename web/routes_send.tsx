/**
 * Sending from the browser: the send page (what leaves, the consent), the send itself, its
 * result with the receipt code, and the page of every send with retry, cancel and withdraw.
 * Every POST passes the same Host, session and CSRF guards as the rest of the web view.
 *
 * @module
 */
import type { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { SEND_UI } from "../report/html/send_i18n.ts";
import { commitSend, deliver, deliverPending, type SendEnv } from "../session/send/deliver.ts";
import { cancelSend, sendOverview, withdrawSend } from "../session/send/manage.ts";
import { planSend } from "../session/send/plan.ts";
import { RefusedError } from "../util/errors.ts";
import type { Localized } from "../util/text.ts";
import type { CtxOf, Env } from "./context.ts";
import type { AppOptions, WebSendOptions } from "./options.ts";
import { reportLinks } from "./pages/links.ts";
import { sendPage } from "./pages/send_page.tsx";
import { sendResultPage } from "./pages/send_result_page.tsx";
import { sendsPage } from "./pages/sends_page.tsx";

/** The longest the send page waits for the first attempt before showing "queued", ms. */
const FIRST_ATTEMPT_MS = 20_000;

const NOTICES: Record<string, { text: Localized; tone?: "error" }> = {
  cancelled: { text: SEND_UI.status.cancelled },
  withdrawn: { text: SEND_UI.withdrawn },
  unknown: { text: SEND_UI.withdrawUnknown, tone: "error" },
  failed: { text: SEND_UI.withdrawFailed, tone: "error" },
};

/** Adds the send routes to `app`. */
export function sendRoutes(
  app: Hono<Env>,
  opts: AppOptions,
  send: WebSendOptions,
  ctxOf: CtxOf,
): void {
  const lib = opts.library;
  const env: SendEnv = {
    brand: opts.brand,
    dataDir: send.dataDir,
    now: opts.now ?? (() => new Date()),
    request: send.request,
  };
  const plan = (reportPath: string, ticket?: string) =>
    planSend({ brand: opts.brand, configDir: send.configDir, reportPath, ticket });
  const sendId = (id: string) => {
    if (!/^[0-9a-f]{16}$/.test(id)) throw new HTTPException(404, { message: "No such send" });
    return id;
  };

  app.get("/send", async (c) => {
    const opened = await lib.open(c.req.query("f"));
    return c.html(await sendPage(ctxOf(c), opened.ref, await plan(opened.path)));
  });

  app.post("/send", async (c) => {
    const form = await c.req.parseBody();
    const opened = await lib.open(typeof form.f === "string" ? form.f : undefined);
    if (form.decision !== "send") {
      return c.redirect(reportLinks(opened.ref, ctxOf(c).lang).verdict, 303);
    }
    const ticket = typeof form.ticket === "string" && form.ticket.trim() !== ""
      ? form.ticket.trim()
      : undefined;
    const p = await plan(opened.path, ticket);
    // The consent is for what was on screen: the same report and the same destination.
    if (form.digest !== p.preview.digest || form.destination !== p.preview.destination) {
      throw new RefusedError(SEND_UI.changed);
    }
    const { entry } = await commitSend(env, p, { method: "browser" });
    const d = await deliver(env, entry, AbortSignal.timeout(FIRST_ATTEMPT_MS));
    const dup = d.kind === "sent" && d.duplicate ? "?dup=1" : "";
    return c.redirect(`/sends/${entry.id}${dup}`, 303);
  });

  app.get("/sends", async (c) => {
    const notice = NOTICES[c.req.query("done") ?? ""];
    return c.html(await sendsPage(ctxOf(c), await sendOverview(send.dataDir), notice));
  });

  app.get("/sends/:id", async (c) => {
    const ctx = ctxOf(c);
    const id = sendId(c.req.param("id"));
    const o = await sendOverview(send.dataDir);
    const entry = [...o.pending.entries, ...o.history.entries].find((e) => e.id === id);
    if (!entry) throw new HTTPException(404, { message: "No such send" });
    const ref = entry.reportPath ? lib.refOf(entry.reportPath) : null;
    return c.html(
      await sendResultPage(ctx, entry, {
        duplicate: c.req.query("dup") === "1",
        verdictHref: ref ? reportLinks(ref, ctx.lang).verdict : undefined,
      }),
    );
  });

  app.post("/sends/retry", async (c) => {
    await deliverPending(env, { force: true, signal: AbortSignal.timeout(FIRST_ATTEMPT_MS * 3) });
    return c.redirect("/sends", 303);
  });

  app.post("/sends/:id/retry", async (c) => {
    const id = sendId(c.req.param("id"));
    const entry = (await sendOverview(send.dataDir)).pending.entries.find((e) => e.id === id);
    if (entry) await deliver(env, entry, AbortSignal.timeout(FIRST_ATTEMPT_MS));
    return c.redirect(`/sends/${id}`, 303);
  });

  app.post("/sends/:id/cancel", async (c) => {
    await cancelSend(env, sendId(c.req.param("id")));
    return c.redirect("/sends?done=cancelled", 303);
  });

  app.post("/sends/withdraw", async (c) => {
    const form = await c.req.parseBody();
    const w = await withdrawSend(env, typeof form.receipt === "string" ? form.receipt : "");
    return c.redirect(`/sends?done=${w.kind}`, 303);
  });
}
