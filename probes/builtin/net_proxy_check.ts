/**
 * `net.proxy.check`: whether the proxies the device is set to use (`net.proxy`) work: each
 * one must accept a connection, open a tunnel to an HTTPS target (`CONNECT host:443`, what a
 * browser does for every secure site) and pass a plain HTTP request on (`GET http://…`).
 * The targets are the run's `http.targets`; the kit's other web probes go direct, so this is
 * the one that sees the web as a browser set to use the proxy does.
 *
 * Not checked, and listed as such: PAC scripts and auto-detection (WPAD) — which proxy they
 * choose is decided by a script the kit does not run — SOCKS, and proxies spoken to over
 * TLS. Credentials are never sent (they are removed from the settings before the kit sees
 * them): a proxy that asks for them says so (`auth-required`), which is not a fault.
 *
 * @module
 */
import { connect as netConnect } from "node:net";
import { z } from "zod";
import type { ProxyData } from "./net_proxy.ts";
import { resolveHost, timedConnect } from "../lib/connect.ts";
import { defineProbe, type ProbeContext, SkipProbe } from "../types.ts";

const testSchema = z.object({
  /** `host:port` for CONNECT, the URL for GET. */
  target: z.string(),
  via: z.enum(["CONNECT", "GET"]),
  ok: z.boolean(),
  /** The status the proxy answered; null when it answered nothing. */
  status: z.number().nullable(),
  ms: z.number(),
  error: z.string().optional(),
}).strict();

const proxySchema = z.object({
  /** `host:port` as configured. */
  endpoint: z.string(),
  host: z.string(),
  port: z.number(),
  /** Where it is set: `env`, `registry`, `winhttp`, `scutil`. */
  sources: z.array(z.string()),
  /** The kinds of traffic it is set for. */
  serves: z.array(z.enum(["http", "https"])),
  /**
   * True when browsers use it: it is in the settings they follow (Windows' per-user proxy,
   * macOS's network proxies; on Linux, the environment). WinHTTP serves Windows services,
   * and the environment elsewhere serves command-line tools and some apps.
   */
  usedByBrowser: z.boolean(),
  address: z.string().nullable(),
  reach: z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() }).strict(),
  tests: z.array(testSchema),
  verdict: z.enum([
    "ok",
    "dead",
    "no-answer",
    "refuses-connect",
    "cannot-reach",
    "auth-required",
    "partly",
  ]),
}).strict();

const dataSchema = z.object({
  proxies: z.array(proxySchema),
  /** Settings the kit does not check: PAC, auto-detection, SOCKS, TLS to the proxy. */
  notChecked: z.array(z.object({ source: z.string(), what: z.string(), value: z.string() })),
}).strict();

/** The data `net.proxy.check` records. */
export type ProxyCheckData = z.infer<typeof dataSchema>;
type Proxy = z.infer<typeof proxySchema>;
type Test = z.infer<typeof testSchema>;

/** Verdicts that leave the customer's browser without the web. */
export const FAILING_VERDICTS: readonly Proxy["verdict"][] = [
  "dead",
  "no-answer",
  "refuses-connect",
  "cannot-reach",
];

/** The probe. Requires `--allow-net`. */
export const netProxyCheckProbe = defineProbe({
  id: "net.proxy.check",
  title: { ja: "プロキシの動作確認", en: "Proxy check" },
  description: {
    ja: "設定されたプロキシにつなぎ、プロキシ経由で宛先に届くか (CONNECT / GET) 確かめます",
    en: "Connects to each configured proxy and checks it reaches the targets (CONNECT and GET)",
  },
  segment: "device",
  dataCategories: ["network"],
  dependsOn: ["net.proxy"],
  timeoutMs: 30_000,
  platforms: ["windows", "darwin", "linux"],
  schema: dataSchema,
  async run(ctx) {
    const sources = (ctx.deps["net.proxy"]?.data as Partial<ProxyData> | undefined)?.sources ?? [];
    const { endpoints, notChecked } = collect(sources);
    if (endpoints.size === 0 && notChecked.length === 0) {
      throw new SkipProbe({ ja: "プロキシは設定されていません", en: "No proxy is configured" });
    }
    const timeoutMs = Math.min(ctx.config.http.timeoutMs, 5000);
    const proxies = await Promise.all(
      [...endpoints.values()].map((e) => check(ctx, e, timeoutMs)),
    );
    const failing = proxies.filter((p) => FAILING_VERDICTS.includes(p.verdict));
    const list = (ps: Proxy[]) => ps.map((p) => `${p.endpoint} (${p.verdict})`).join(", ");
    return {
      status: failing.length ? "fail" : proxies.some((p) => p.verdict === "partly") ? "warn" : "ok",
      summary: failing.length
        ? {
          ja: `プロキシが機能していません: ${list(failing)}`,
          en: `The proxy does not work: ${list(failing)}`,
        }
        : proxies.length
        ? { ja: `プロキシ: ${list(proxies)}`, en: `Proxies: ${list(proxies)}` }
        : {
          ja: "確認できるプロキシはありません (PAC など)",
          en: "No proxy could be checked (PAC etc.)",
        },
      data: { proxies, notChecked },
      evidence: proxies.map((p) => ({
        label: `proxy ${p.endpoint} (${p.sources.join(", ")})`,
        text: [
          `connect ${p.address ?? p.host}:${p.port}: ${
            p.reach.ok ? `${p.reach.ms} ms` : p.reach.error
          }`,
          ...p.tests.map((t) =>
            `${t.via} ${t.target}: ${t.status ?? t.error} ${t.status !== null ? `${t.ms} ms` : ""}`
          ),
          `verdict: ${p.verdict}`,
        ].join("\n"),
      })),
    };
  },
});

interface Endpoint {
  endpoint: string;
  host: string;
  port: number;
  sources: Set<string>;
  serves: Set<"http" | "https">;
  /** Each setting that names it: for which traffic, bypassing which hosts. */
  routes: { kind: "http" | "https"; bypass: readonly string[] }[];
}

/** The distinct plain-HTTP proxies of the enabled settings, and what cannot be checked. */
function collect(sources: ProxyData["sources"]) {
  const endpoints = new Map<string, Endpoint>();
  const notChecked: ProxyCheckData["notChecked"] = [];
  for (const s of sources.filter((s) => s.enabled || s.autoDetect)) {
    if (s.pacUrl) notChecked.push({ source: s.source, what: "pac", value: s.pacUrl });
    if (s.autoDetect) notChecked.push({ source: s.source, what: "auto-detect", value: "WPAD" });
    if (s.socks) notChecked.push({ source: s.source, what: "socks", value: s.socks });
    for (const [kind, value] of [["http", s.http], ["https", s.https]] as const) {
      if (!value) continue;
      const hp = hostPort(value);
      if (!hp) {
        notChecked.push({ source: s.source, what: "unsupported", value });
        continue;
      }
      const key = `${hp.host}:${hp.port}`;
      const e = endpoints.get(key) ??
        { endpoint: key, ...hp, sources: new Set(), serves: new Set(), routes: [] };
      e.sources.add(s.source);
      e.serves.add(kind);
      e.routes.push({ kind, bypass: s.bypass });
      endpoints.set(key, e);
    }
  }
  return { endpoints, notChecked };
}

/** `http://[***@]host:port/`, `host:port` → host and port; null for other schemes. */
function hostPort(value: string): { host: string; port: number } | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme.replace("://***@", "://"));
  } catch {
    return null;
  }
  if (url.protocol !== "http:") return null;
  return { host: url.hostname.replace(/^\[|\]$/g, ""), port: Number(url.port) || 80 };
}

async function check(ctx: ProbeContext, e: Endpoint, timeoutMs: number): Promise<Proxy> {
  const host = await resolveHost(e.host, timeoutMs, ctx.signal);
  const address = host.v4 ?? host.v6;
  const base = {
    endpoint: e.endpoint,
    host: e.host,
    port: e.port,
    sources: [...e.sources],
    serves: [...e.serves],
    usedByBrowser: [...e.sources].some((s) =>
      s === "registry" || s === "scutil" || (s === "env" && ctx.os === "linux")
    ),
    address,
  };
  if (!address) {
    const reach = { ok: false, ms: host.dnsMs ?? 0, error: host.error ?? "no address" };
    return { ...base, reach, tests: [], verdict: "dead" };
  }
  const reach = await timedConnect(address, e.port, timeoutMs, ctx.signal);
  if (!reach.ok) return { ...base, reach, tests: [], verdict: "dead" };
  const tests: Test[] = [];
  for (const t of targets(ctx, e)) tests.push(await ask(ctx, address, e.port, t, timeoutMs));
  return { ...base, reach, tests, verdict: verdict(tests) };
}

/** The run's web targets this proxy is set for and does not bypass; three of each kind. */
function targets(ctx: ProbeContext, e: Endpoint): { via: Test["via"]; target: string }[] {
  const out: { via: Test["via"]; target: string }[] = [];
  for (const t of ctx.config.http.targets) {
    const url = new URL(t.url);
    const https = url.protocol === "https:";
    const kind = https ? "https" : "http";
    if (!e.routes.some((r) => r.kind === kind && !bypassed(url.hostname, r.bypass))) continue;
    const target = https ? `${url.hostname}:${url.port || 443}` : url.href;
    if (out.filter((o) => o.via === (https ? "CONNECT" : "GET")).length >= 3) continue;
    if (!out.some((o) => o.target === target)) {
      out.push({ via: https ? "CONNECT" : "GET", target });
    }
  }
  return out;
}

/** True when `host` matches a bypass entry (`*.example.com`, `.example.com`, `10.*`, `<local>`). */
function bypassed(host: string, list: readonly string[]): boolean {
  return list.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (entry === "<local>") return !host.includes(".");
    if (entry === "*") return true;
    const pattern = entry.startsWith(".") ? `*${entry}` : entry;
    const re = new RegExp(
      `^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`,
    );
    return re.test(host.toLowerCase()) || (entry.startsWith(".") && host === entry.slice(1));
  });
}

/** Sends one request to the proxy and reads its status line. */
function ask(
  ctx: ProbeContext,
  address: string,
  port: number,
  t: { via: Test["via"]; target: string },
  timeoutMs: number,
): Promise<Test> {
  const t0 = performance.now();
  const ms = () => Math.round((performance.now() - t0) * 10) / 10;
  const request = t.via === "CONNECT"
    ? `CONNECT ${t.target} HTTP/1.1\r\nHost: ${t.target}\r\nUser-Agent: kiriwake\r\n\r\n`
    : `GET ${t.target} HTTP/1.1\r\nHost: ${new URL(t.target).host}\r\n` +
      `User-Agent: kiriwake\r\nConnection: close\r\n\r\n`;
  return new Promise((resolve) => {
    const s = netConnect({ host: address, port });
    let head = "";
    let settled = false;
    const finish = (status: number | null, error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ctx.signal.removeEventListener("abort", onAbort);
      s.destroy();
      const ok = status !== null && ![403, 405, 407, 502, 503, 504].includes(status);
      resolve({ ...t, ok, status, ms: ms(), ...(error ? { error } : {}) });
    };
    const onAbort = () => finish(null, "aborted");
    const timer = setTimeout(() => finish(null, "timeout"), timeoutMs);
    ctx.signal.addEventListener("abort", onAbort, { once: true });
    s.on("connect", () => s.write(request));
    s.on("data", (chunk: Uint8Array) => {
      head += new TextDecoder("latin1").decode(chunk);
      const m = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(head);
      if (m) finish(Number(m[1]));
      else if (head.includes("\r\n")) finish(null, "not an HTTP answer");
    });
    s.on("error", (e: Error) => finish(null, e.message.slice(0, 200)));
    s.on("close", () => finish(null, "closed without an answer"));
  });
}

/** One word for what the tests showed. */
function verdict(tests: Test[]): Proxy["verdict"] {
  if (tests.length === 0 || tests.every((t) => t.ok)) return "ok";
  if (tests.some((t) => t.status === 407)) return "auth-required";
  if (tests.every((t) => t.status === null)) return "no-answer";
  const connects = tests.filter((t) => t.via === "CONNECT");
  if (connects.length && connects.every((t) => t.status === 403 || t.status === 405)) {
    return "refuses-connect";
  }
  if (tests.every((t) => t.status !== null && t.status >= 502)) return "cannot-reach";
  return tests.some((t) => t.ok) ? "partly" : "cannot-reach";
}
