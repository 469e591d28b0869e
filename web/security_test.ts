/**
 * The web view's security rules, each proven: loopback only on a random port, the one-time
 * token and its cookie, the Host check (DNS rebinding), CSRF on POSTs, the CSP, escaping of
 * hostile report strings, and no path outside the directories the user named.
 */
import assert from "node:assert/strict";
import { mkdir, symlink } from "node:fs/promises";
import { join } from "node:path";
import { BRAND } from "../brand/brand.ts";
import { HOSTILE, sampleReport } from "../report/html/testing.ts";
import { CSS, CSS_HASH_SOURCE } from "../report/html/styles.ts";
import { ReportLibrary } from "./library.ts";
import { serveApp } from "./serve.ts";
import { TEST_GUARD, testApp } from "./testing.ts";

async function reportDir(): Promise<{ dir: string; path: string }> {
  const dir = await Deno.makeTempDir({ prefix: "kw-sec-" });
  const path = join(dir, "report.json");
  await Deno.writeTextFile(path, JSON.stringify(await sampleReport({ hostile: true })));
  return { dir, path };
}

Deno.test("serveApp() listens on 127.0.0.1 only, on a port the OS picks", async () => {
  const a = serveApp({ brand: BRAND, lang: "en", library: new ReportLibrary() });
  const b = serveApp({ brand: BRAND, lang: "en", library: new ReportLibrary() });
  try {
    assert.equal(a.hostname, "127.0.0.1");
    assert.notEqual(a.port, 0);
    assert.notEqual(a.port, b.port);
    assert.match(a.url, new RegExp(`^http://127\\.0\\.0\\.1:${a.port}/\\?token=[\\w-]{43}$`));
    const ok = await fetch(a.url, { redirect: "manual" });
    await ok.body?.cancel();
    assert.equal(ok.status, 303);
    // Any other address of this machine must refuse the connection.
    const other = Deno.networkInterfaces().find((i) =>
      i.family === "IPv4" && !i.address.startsWith("127.")
    );
    if (other) {
      await assert.rejects(Deno.connect({ hostname: other.address, port: a.port }));
    } else console.warn("no non-loopback IPv4 address here: only the bind address was checked");
  } finally {
    await Promise.all([a.shutdown(), b.shutdown()]);
  }
});

Deno.test("web view: nothing without the token; the token works once, for a cookie", async () => {
  const t = testApp();
  const noCookie = await t.get("/", { cookie: "" });
  assert.equal(noCookie.status, 403);
  const refusal = await noCookie.text();
  assert.doesNotMatch(refusal, /class="report-list"/);
  assert.ok(!refusal.includes(TEST_GUARD.csrf), "no form token for strangers");
  assert.equal((await t.get("/?token=wrong", { cookie: "" })).status, 403);

  const first = await t.get(`/report?f=x&token=${TEST_GUARD.token}`, { cookie: "" });
  assert.equal(first.status, 303);
  assert.equal(first.headers.get("location"), "/report?f=x", "the token leaves the address");
  const setCookie = first.headers.get("set-cookie") ?? "";
  assert.match(setCookie, new RegExp(`^kiriwake_4321=${TEST_GUARD.session};`));
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Strict/);

  const again = await t.get(`/?token=${TEST_GUARD.token}`, { cookie: "" });
  assert.equal(again.status, 403, "a used token opens nothing");
  assert.equal((await t.get("/", { cookie: "kiriwake_4321=forged" })).status, 403);
  assert.equal((await t.get("/")).status, 200, "the cookie does");
});

Deno.test("web view: a token on a path of two slashes never redirects to another site", async () => {
  const t = testApp();
  for (const path of ["//evil.example/", "/\\evil.example/", "///evil.example/x"]) {
    const r = await t.get(`${path}?token=x&a=1`);
    assert.equal(r.status, 303, path);
    const to = r.headers.get("location") ?? "";
    assert.match(to, /^\/[^/\\]/, `${path} → ${to}`);
    assert.equal(new URL(to, "http://127.0.0.1:4321/").host, "127.0.0.1:4321");
  }
});

Deno.test("web view: the Host header must be 127.0.0.1:PORT or localhost:PORT", async () => {
  const t = testApp();
  for (
    const host of [
      "evil.example:4321",
      "127.0.0.1:80",
      "127.0.0.1",
      "localhost.evil.example:4321",
      "[::1]:4321",
    ]
  ) {
    const r = await t.get("/", { host });
    assert.equal(r.status, 421, host);
    assert.ok(r.headers.get("content-security-policy"), "refusals carry the headers too");
  }
  assert.equal((await t.get("/", { host: "localhost:4321" })).status, 200);
  assert.equal((await t.get("/", { host: "LOCALHOST:4321" })).status, 200);
});

Deno.test("web view: POSTs need this origin and the form token", async () => {
  let quits = 0;
  const t = testApp({ onQuit: () => quits++ });
  assert.equal((await t.post("/quit", {}, { origin: "" })).status, 403, "no Origin");
  assert.equal((await t.post("/quit", {}, { origin: "http://evil.example" })).status, 403);
  assert.equal((await t.post("/quit", {}, { origin: "http://127.0.0.1:9999" })).status, 403);
  assert.equal((await t.post("/quit", {}, { "sec-fetch-site": "cross-site" })).status, 403);
  assert.equal((await t.post("/quit", { csrf: "" })).status, 403, "no form token");
  assert.equal((await t.post("/quit", { csrf: "c".repeat(31) + "d" })).status, 403);
  assert.equal((await t.post("/quit", {}, { cookie: "" })).status, 403, "no session");
  await new Promise((r) => setTimeout(r, 80));
  assert.equal(quits, 0);
  const ok = await t.post("/quit", {}, { origin: "http://localhost:4321" });
  assert.equal(ok.status, 200);
  await new Promise((r) => setTimeout(r, 80));
  assert.equal(quits, 1);
});

Deno.test("web view: a strict CSP; the inline script carries the nonce, the style its hash", async () => {
  const { dir } = await reportDir();
  try {
    const t = testApp({ library: new ReportLibrary([dir]) });
    for (
      const path of [
        "/",
        "/report?f=0:report.json",
        "/report/details?f=0:report.json",
        "/compare",
        "/nope",
      ]
    ) {
      const r = await t.get(path);
      const csp = r.headers.get("content-security-policy") ?? "";
      assert.match(csp, /^default-src 'none'; /, path);
      assert.ok(csp.includes(`style-src ${CSS_HASH_SOURCE};`), path);
      assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{24}';/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/, path);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(r.headers.get("x-content-type-options"), "nosniff");
      const html = await r.text();
      assert.doesNotMatch(html, /\sstyle="/, `${path}: no style attributes (the CSP blocks them)`);
      assert.doesNotMatch(html, /<[^>]*\son[a-z]+=/i, `${path}: no event handler attributes`);
      assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, `${path}: nothing from elsewhere`);
    }
    const styleHash = `'sha256-${
      btoa(
        String.fromCharCode(
          ...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(CSS))),
        ),
      )
    }'`;
    assert.equal(CSS_HASH_SOURCE, styleHash);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("web view: hostile strings in a report are escaped on every page and download", async () => {
  const { dir } = await reportDir();
  try {
    const t = testApp({ library: new ReportLibrary([dir]) });
    for (
      const path of [
        "/",
        "/report?f=0:report.json",
        "/report/details?f=0:report.json",
        "/compare?a=0:report.json&b=0:report.json",
        "/download/html?f=0:report.json",
      ]
    ) {
      const html = await (await t.get(path)).text();
      assert.ok(!html.includes(HOSTILE), path);
      assert.ok(!html.includes("<img src=x"), path);
      assert.ok(!/<script>alert/.test(html), path);
    }
    const details = await (await t.get("/report/details?f=0:report.json")).text();
    assert.ok(details.includes("&lt;img src=x onerror=alert(1)&gt;"), "shown, escaped");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("web view: report files only from the named directories and files", async () => {
  const { dir } = await reportDir();
  const outside = await Deno.makeTempDir({ prefix: "kw-outside-" });
  try {
    const secret = await sampleReport({ fault: "dns" });
    await Deno.writeTextFile(join(outside, "secret.json"), JSON.stringify(secret));
    await mkdir(join(dir, "sub"));
    await symlink(join(outside, "secret.json"), join(dir, "sub", "link.json"));
    await symlink(outside, join(dir, "linkdir"));
    await Deno.writeTextFile(join(dir, "notes.json"), JSON.stringify({ secret: "x" }));
    const named = join(outside, "named.json");
    await Deno.writeTextFile(named, JSON.stringify(await sampleReport()));
    // `dir` is a named directory (root 0); `named.json` a named file (root 1).
    const t = testApp({ library: new ReportLibrary([dir], [named]) });
    const refused = [
      "0:../" + outside.split("/").pop() + "/secret.json",
      "0:..%2F..%2Fetc%2Fpasswd",
      "0:/etc/passwd",
      "0:C:\\Windows\\win.ini",
      "0:sub/../../x",
      "0:sub/link.json",
      "0:linkdir/secret.json",
      "0:",
      "1:secret.json",
      "2:report.json",
      "x:report.json",
      "",
    ];
    for (const ref of refused) {
      for (
        const route of [
          "/report",
          "/report/details",
          "/download/json",
          "/download/html",
          "/download/text",
        ]
      ) {
        const r = await t.get(`${route}?f=${ref.includes("%") ? ref : encodeURIComponent(ref)}`);
        assert.equal(r.status, 404, `${route} ${ref}`);
        const body = await r.text();
        assert.ok(
          !body.includes(secret.digest.value) && !body.includes("schema"),
          `${route} ${ref}`,
        );
      }
    }
    const notReport = await t.get(`/download/json?f=${encodeURIComponent("0:notes.json")}`);
    assert.equal(notReport.status, 422, "a JSON file that is not a report is never served");
    assert.doesNotMatch(await notReport.text(), /"secret"/);
    assert.equal((await t.get(`/report?f=${encodeURIComponent("0:report.json")}`)).status, 200);
    assert.equal((await t.get(`/report?f=${encodeURIComponent("1:named.json")}`)).status, 200);
  } finally {
    await Deno.remove(dir, { recursive: true });
    await Deno.remove(outside, { recursive: true });
  }
});
