/**
 * App mode: home with the start button, the terms and consent, starting a run through the
 * same session the CLI uses, its progress (page and server-sent events), and cancel.
 *
 * @module
 */
import type { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { streamSSE } from "hono/streaming";
import { join } from "node:path";
import { rememberReport } from "../consent/report_list.ts";
import { currentTerms } from "../consent/terms.ts";
import { RefusedError } from "../util/errors.ts";
import { readRecordState } from "../consent/record.ts";
import { reportId, runSession } from "../session/run.ts";
import { prepareReportDir } from "../report/store.ts";
import { acceptFromBrowser, type ConsentPlace, storedGrant } from "./consent_glue.ts";
import type { CtxOf, Env } from "./context.ts";
import type { AppModeOptions, AppOptions } from "./options.ts";
import { appHomePage } from "./pages/home_page.tsx";
import { messagePage } from "./pages/message.tsx";
import { progressPage } from "./pages/progress_page.tsx";
import { termsPage } from "./pages/terms_page.tsx";
import { RunManager, type StartSession, type WebEvent } from "./runs.ts";
import { DATA_CATEGORIES } from "../util/data_categories.ts";
import { ProviderStatus } from "./provider_status.ts";
import { SendRetrier } from "./send_retrier.ts";

/** Adds the app-mode routes to `app`. */
export function appRoutes(
  app: Hono<Env>,
  opts: AppOptions,
  mode: AppModeOptions,
  ctxOf: CtxOf,
): void {
  const now = opts.now ?? (() => new Date());
  const place: ConsentPlace = { brand: opts.brand, dir: mode.configDir, now };
  const runs = new RunManager();
  const lib = opts.library;
  lib.addRoot(mode.outDir);
  opts.beforeQuit?.push(() => runs.stop("quit"));
  // The provider's signed status (a suspended licence blocks the start) and, while the app is
  // open, the queue of reports that waited for the line.
  const send = opts.send;
  const status = send ? new ProviderStatus(opts.brand, send.dataDir, now, send.request) : null;
  if (send?.autoRetryMs) {
    const retrier = new SendRetrier(
      { brand: opts.brand, dataDir: send.dataDir, now, request: send.request },
      send.autoRetryMs,
      () => runs.running !== null,
    );
    retrier.start();
    opts.beforeQuit?.push(() => retrier.stop());
  }

  app.get("/", async (c) => {
    const ctx = ctxOf(c);
    let grant = null;
    let blocked = null;
    try {
      grant = await storedGrant(place, ctx.lang);
    } catch (e) {
      // A licence or OS refusal: say so on the home page instead of a start button.
      if (!(e instanceof RefusedError)) throw e;
      blocked = e.text;
    }
    const verdict = grant && status ? await status.verdict(grant.licence) : null;
    if (verdict?.refusal) blocked = verdict.refusal;
    const running = runs.running;
    return c.html(
      await appHomePage(ctx, {
        consented: grant !== null,
        blocked,
        warnings: [...(grant?.warnings ?? []), ...(verdict?.announcements ?? [])],
        probes: mode.probes,
        entries: await lib.list(),
        runningHref: running ? `/run/${running.id}` : undefined,
      }),
    );
  });

  app.get("/terms", async (c) => {
    const ctx = ctxOf(c);
    const terms = await currentTerms(opts.brand, ctx.lang);
    const rec = await readRecordState(mode.configDir);
    const stored = rec.state === "ok" ? rec.record : null;
    // Privacy by default: identifiers stay unticked until the customer ticks them.
    const checked = stored?.granted ?? DATA_CATEGORIES.filter((c) => c !== "identifiers");
    return c.html(await termsPage(ctx, terms, opts.brand.optionalCategories, checked));
  });

  app.post("/consent", async (c) => {
    const ctx = ctxOf(c);
    const form = await c.req.parseBody({ all: true });
    if (form.decision !== "agree") {
      return c.html(
        await messagePage(ctx, {
          title: { ja: "測定しませんでした", en: "Nothing was measured" },
          text: {
            ja:
              "規約に同意いただけなかったため、何も測定・記録していません。「終了」を押してウィンドウを閉じてください。",
            en:
              "The terms were not accepted, so nothing was measured or recorded. Press Quit and close this window.",
          },
        }),
      );
    }
    const list = form.category;
    const categories = (Array.isArray(list) ? list : list === undefined ? [] : [list])
      .filter((v): v is string => typeof v === "string");
    const lang = form.lang === "en" ? "en" : "ja";
    await acceptFromBrowser(place, {
      lang,
      version: String(form.version ?? ""),
      sha256: String(form.sha256 ?? ""),
      categories,
    });
    return c.redirect("/", 303);
  });

  app.post("/run", async (c) => {
    const ctx = ctxOf(c);
    const grant = await storedGrant(place, ctx.lang);
    if (!grant) return c.redirect("/terms", 303);
    const refusal = status ? (await status.verdict(grant.licence)).refusal : null;
    if (refusal) throw new RefusedError(refusal);
    const start: StartSession = async (signal, onEvent) => {
      // One id for the report and its folder: the customer reads it out on the phone.
      const id = reportId(now());
      const paths = await prepareReportDir(join(mode.outDir, id), "--out");
      // So that `terms revoke` can say which reports remain; losing this must not stop a run.
      await rememberReport(mode.configDir, paths.json, now()).catch(() => {});
      const result = await runSession({
        id,
        brand: opts.brand,
        lang: ctx.lang,
        grant,
        licence: grant.licence,
        config: mode.config,
        probes: mode.probes,
        paths,
        signal,
        onEvent,
        exec: mode.exec,
        sourceOf: mode.sourceOf,
        now,
      });
      if (result.writeError) lib.addRoot(result.paths.dir);
      return { result, ref: lib.refOf(result.paths.json) };
    };
    const run = runs.start(start);
    return c.redirect(`/run/${run.id}`, 303);
  });

  app.get("/run/:id", async (c) => {
    const run = runs.get(c.req.param("id"));
    if (!run) throw new HTTPException(404, { message: "No such run" });
    return c.html(await progressPage(ctxOf(c), run));
  });

  app.get("/run/:id/events", (c) => {
    const id = c.req.param("id");
    if (!runs.get(id)) throw new HTTPException(404, { message: "No such run" });
    return streamSSE(c, async (stream) => {
      const queue: WebEvent[] = [];
      let wake: (() => void) | null = null;
      const stop = runs.subscribe(id, (e) => {
        queue.push(e);
        wake?.();
      });
      stream.onAbort(() => wake?.());
      try {
        while (!stream.aborted) {
          while (queue.length > 0) {
            const e = queue.shift()!;
            await stream.writeSSE({ data: JSON.stringify(e) });
            if (e.type === "finished" || e.type === "failed") return;
          }
          await new Promise<void>((r) => (wake = r));
          wake = null;
        }
      } finally {
        stop();
      }
    });
  });

  app.post("/run/:id/cancel", (c) => {
    const id = c.req.param("id");
    if (!runs.get(id)) throw new HTTPException(404, { message: "No such run" });
    runs.cancel(id);
    return c.redirect(`/run/${id}`, 303);
  });
}
