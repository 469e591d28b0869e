/**
 * Class 2: hostile neighbours on loopback. A local program opens idle connections by the
 * thousand (no token needed) while the web view serves — with the process limited to 256
 * open files, as on macOS. The view must keep serving its own client, and in app mode a
 * check running meanwhile must finish and write its report. Also (class 10) a request for
 * `//evil.example/` with the token must not redirect off-site.
 *
 * @module
 */
import { commandPlugin, manifestOf, okResult, onlyConfig, reportProblem } from "./fixtures.ts";
import { type Case, clean, killGroup, type Kit, type Outcome } from "./harness.ts";

/** A web view of the kit, started in the background, and a browser-like client for it. */
class View {
  cookie = "";
  private constructor(
    readonly child: Deno.ChildProcess,
    readonly base: string,
    readonly token: string,
  ) {}

  static async start(k: Kit, args: string[], fdLimit?: number): Promise<View> {
    const child = k.spawn(args, { fdLimit });
    const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    const deadline = Date.now() + 30_000;
    while (!/http:\/\/\S+token=\S+\n/.test(text)) {
      if (Date.now() > deadline) throw new Error("no URL printed");
      const r = await reader.read();
      if (r.done) throw new Error(`the view exited before serving`);
      text += r.value;
    }
    reader.releaseLock();
    const url = new URL(/(http:\/\/\S+token=\S+)\n/.exec(text)![1]);
    return new View(child, url.origin, url.searchParams.get("token")!);
  }

  async get(path: string, extra: Record<string, string> = {}): Promise<Response> {
    return await fetch(`${this.base}${path}`, {
      redirect: "manual",
      headers: { cookie: this.cookie, ...extra },
      signal: AbortSignal.timeout(15_000),
    });
  }

  async login(): Promise<Response> {
    const r = await this.get(`/?token=${this.token}`);
    await r.body?.cancel();
    const c = r.headers.get("set-cookie");
    if (c) this.cookie = c.split(";")[0];
    return r;
  }

  async post(path: string, form: Record<string, string | string[]>): Promise<Response> {
    const body = new URLSearchParams();
    for (const [key, v] of Object.entries(form)) for (const x of [v].flat()) body.append(key, x);
    return await fetch(`${this.base}${path}`, {
      method: "POST",
      redirect: "manual",
      body,
      headers: {
        cookie: this.cookie,
        origin: this.base,
        "content-type": "application/x-www-form-urlencoded",
      },
      signal: AbortSignal.timeout(15_000),
    });
  }

  /** Quits through the page and waits for the exit code. */
  async quit(csrf: string): Promise<number> {
    await (await this.post("/quit", { csrf })).body?.cancel();
    const t = setTimeout(() => killGroup(this.child.pid), 15_000);
    const s = await this.child.status;
    clearTimeout(t);
    await this.child.stderr.cancel().catch(() => {});
    return s.code;
  }

  kill(): void {
    killGroup(this.child.pid);
  }
}

/** Opens `n` idle connections to `base`. */
async function flood(base: string, n: number): Promise<Deno.Conn[]> {
  const { hostname, port } = new URL(base);
  const conns: Deno.Conn[] = [];
  for (let i = 0; i < n; i++) {
    try {
      conns.push(await Deno.connect({ hostname, port: Number(port) }));
    } catch { /* refused: the backlog is full, which is the point */ }
  }
  return conns;
}

const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "";

async function viewFlood(k: Kit, n: number, fdLimit?: number): Promise<Outcome> {
  await Deno.mkdir(k.path("reports"));
  const v = await View.start(k, ["view", "--no-open", "--lang", "en", k.path("reports")], fdLimit);
  let conns: Deno.Conn[] = [];
  try {
    conns = await flood(v.base, n);
    await new Promise((r) => setTimeout(r, 300));
    const login = await v.login();
    if (login.status !== 303) return { verdict: "crash", detail: `login answered ${login.status}` };
    const home = await v.get("/");
    const html = await home.text();
    if (home.status !== 200) return { verdict: "crash", detail: `home answered ${home.status}` };
    const code = await v.quit(hidden(html, "csrf"));
    return code === 0
      ? clean(`${conns.length} idle connections`)
      : { verdict: "crash", detail: `exit ${code}` };
  } catch (e) {
    return { verdict: "crash", detail: `during the flood: ${(e as Error).message}` };
  } finally {
    for (const c of conns) c.close();
    v.kill();
  }
}

async function appFlood(k: Kit): Promise<Outcome> {
  const p = commandPlugin("slow", `cat >/dev/null; sleep 4; echo '${okResult()}'`);
  const m = await manifestOf(k, [p]);
  const config = await k.write("c.json", onlyConfig([p.id]));
  const out = k.path("reports");
  const v = await View.start(
    k,
    ["app", "--no-open", "--lang", "en", "--config", config, "--manifest", m, "--out", out],
    256,
  );
  let conns: Deno.Conn[] = [];
  try {
    if ((await v.login()).status !== 303) return { verdict: "crash", detail: "no login" };
    const terms = await (await v.get("/terms")).text();
    const csrf = hidden(terms, "csrf");
    const categories = [...terms.matchAll(/name="category"[^>]*value="([^"]+)"/g)].map((x) => x[1]);
    await (await v.post("/consent", {
      csrf,
      lang: "en",
      version: hidden(terms, "version"),
      sha256: hidden(terms, "sha256"),
      category: categories,
      decision: "agree",
    })).body?.cancel();
    const started = await v.post("/run", { csrf });
    await started.body?.cancel();
    const at = started.headers.get("location") ?? "";
    if (!at.startsWith("/run/")) {
      return { verdict: "crash", detail: `no run started (${started.status})` };
    }
    conns = await flood(v.base, 1000);
    const page = await v.get(at);
    await page.body?.cancel();
    if (page.status !== 200) {
      return { verdict: "crash", detail: `progress page answered ${page.status}` };
    }
    const events = await v.get(`${at}/events`);
    const first = await events.body!.getReader().read();
    if (events.status !== 200 || first.done) {
      return { verdict: "crash", detail: "no progress events" };
    }
    await events.body?.cancel().catch(() => {});
    // The check finishes and its report is written, flood or not.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await reportProblem(out)) !== null) {
      await new Promise((r) => setTimeout(r, 250));
    }
    const lost = await reportProblem(out);
    if (lost) return { verdict: "loss", detail: lost };
    const code = await v.quit(csrf);
    return code === 0
      ? clean(`${conns.length} idle connections`)
      : { verdict: "crash", detail: `exit ${code}` };
  } catch (e) {
    return { verdict: "crash", detail: `during the flood: ${(e as Error).message}` };
  } finally {
    for (const c of conns) c.close();
    v.kill();
  }
}

/** The class's cases. */
export function webCases(): Case[] {
  return [
    {
      cls: "2 flood",
      name: "view: 1,000 idle connections with 256 open files allowed",
      run: (k) => viewFlood(k, 1000, 256),
    },
    { cls: "2 flood", name: "view: 3,000 idle connections", run: (k) => viewFlood(k, 3000) },
    {
      cls: "2 flood",
      name: "app: 1,000 idle connections in the middle of a check (256 open files)",
      run: (k) => appFlood(k),
    },
    {
      cls: "10 small",
      name: "GET //evil.example/?token=… with a session does not redirect off-site",
      run: async (k) => {
        await Deno.mkdir(k.path("reports"));
        const v = await View.start(k, ["view", "--no-open", k.path("reports")]);
        try {
          await v.login();
          const r = await v.get("//evil.example/?token=x");
          await r.body?.cancel();
          const to = r.headers.get("location") ?? "";
          const html = await (await v.get("/")).text();
          await v.quit(hidden(html, "csrf"));
          return /^\/(?![/\\])/.test(to) || to === ""
            ? clean(to)
            : { verdict: "crash", detail: `redirected to ${to}` };
        } finally {
          v.kill();
        }
      },
    },
  ];
}
