/**
 * `tls.inspect`: the certificate chain a TLS server presents as seen from this device,
 * against the issuer or fingerprints expected, to flag interception by security software
 * or a corporate proxy that re-signs TLS with its own CA.
 *
 * @module
 */
import tls from "node:tls";
import { z } from "zod";
import { defineProbe, type ProbeContext, type ProbeOutcome } from "../types.ts";
import { SkipProbe } from "../types.ts";

const certSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  fingerprint256: z.string(),
  validTo: z.string(),
}).strict();

const targetSchema = z.object({
  host: z.string(),
  port: z.number(),
  chain: z.array(certSchema),
  trusted: z.boolean().nullable(),
  trustError: z.string().nullable(),
  verdict: z.enum(["expected", "unexpected-issuer", "untrusted", "unchecked", "error"]),
  interceptorHint: z.string().nullable(),
  error: z.string().optional(),
}).strict();

const dataSchema = z.object({ targets: z.array(targetSchema) }).strict();

/** The data `tls.inspect` records. */
export type TlsData = z.infer<typeof dataSchema>;
type TargetResult = z.infer<typeof targetSchema>;
type Cert = z.infer<typeof certSchema>;

// issuers of products known to re-sign TLS; a match is a hint, the expectation decides
const INTERCEPTORS =
  /kaspersky|eset|avast|avg |bitdefender|norton|mcafee|trend micro|sophos|fortinet|fortigate|zscaler|netskope|palo alto|blue ?coat|cisco umbrella|forcepoint|iboss|mitmproxy|charles proxy|fiddler/i;

function name(d: Record<string, string | string[]> | undefined): string {
  if (!d) return "";
  return ["CN", "O", "OU"].filter((k) => d[k]).map((k) => `${k}=${[d[k]].flat().join("+")}`).join(
    ", ",
  );
}

/** Connects and walks the presented chain to its end. */
function inspect(
  ctx: ProbeContext,
  host: string,
  port: number,
  servername: string | undefined,
  timeoutMs: number,
) {
  return new Promise<{ chain: Cert[]; trusted: boolean; trustError: string | null }>(
    (resolve, reject) => {
      const sni = servername ?? (/^[\d.]+$|:/.test(host) ? undefined : host);
      // rejectUnauthorized false: an untrusted chain is exactly what we want to see
      const sock = tls.connect({ host, port, servername: sni, rejectUnauthorized: false });
      const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(timeoutMs)]);
      const onAbort = () => {
        sock.destroy();
        reject(new Error("timeout"));
      };
      signal.addEventListener("abort", onAbort, { once: true });
      sock.once("error", (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      });
      sock.once("secureConnect", () => {
        signal.removeEventListener("abort", onAbort);
        const chain: Cert[] = [];
        let c = sock.getPeerCertificate(true) as tls.DetailedPeerCertificate | undefined;
        while (c && c.fingerprint256 && chain.length < 10) {
          chain.push({
            subject: name(c.subject as never),
            issuer: name(c.issuer as never),
            fingerprint256: c.fingerprint256,
            validTo: c.valid_to,
          });
          if (c.issuerCertificate === c || !c.issuerCertificate) break;
          c = c.issuerCertificate;
        }
        const err = sock.authorizationError;
        resolve({ chain, trusted: sock.authorized, trustError: err ? String(err) : null });
        sock.end();
      });
    },
  );
}

const hexOnly = (f: string) => f.replace(/[^0-9a-f]/gi, "").toLowerCase();

/** The probe. */
export const tlsInspectProbe = defineProbe({
  id: "tls.inspect",
  title: { ja: "TLS 証明書の検査", en: "TLS certificate inspection" },
  description: {
    ja: "サーバー証明書の発行元が想定どおりか確かめ、TLS の傍受を見つけます",
    en: "Checks that servers' certificates come from the expected issuer, to spot TLS interception",
  },
  segment: "internet",
  dataCategories: ["measurements"],
  dependsOn: [],
  timeoutMs: 20_000,
  platforms: ["windows", "darwin", "linux"],
  schema: dataSchema,
  async run(ctx): Promise<ProbeOutcome<TlsData>> {
    const { targets, timeoutMs } = ctx.config.tls;
    if (targets.length === 0) {
      throw new SkipProbe({
        ja: "確認する TLS の宛先が設定されていません",
        en: "No TLS targets configured",
      });
    }
    const results: TargetResult[] = await Promise.all(
      targets.map(async (t): Promise<TargetResult> => {
        const base = { host: t.host, port: t.port };
        try {
          const { chain, trusted, trustError } = await inspect(
            ctx,
            t.host,
            t.port,
            t.servername,
            timeoutMs,
          );
          const issuers = chain.flatMap((c) => [c.issuer, c.subject]).join("\n");
          const hint = chain.map((c) => c.issuer).find((i) => INTERCEPTORS.test(i)) ?? null;
          const expected = t.expectIssuer.some((s) => issuers.includes(s)) ||
            t.expectFingerprints.some((f) =>
              chain.some((c) => hexOnly(c.fingerprint256) === hexOnly(f))
            );
          const checked = t.expectIssuer.length + t.expectFingerprints.length > 0;
          const verdict = checked
            ? (expected ? "expected" : "unexpected-issuer")
            : trusted
            ? "unchecked"
            : "untrusted";
          return { ...base, chain, trusted, trustError, verdict, interceptorHint: hint };
        } catch (e) {
          return {
            ...base,
            chain: [],
            trusted: null,
            trustError: null,
            verdict: "error",
            interceptorHint: null,
            error: (e as Error).message,
          };
        }
      }),
    );
    const bad = results.filter((r) => r.verdict === "unexpected-issuer" || r.interceptorHint);
    const shaky = results.filter((r) => r.verdict === "untrusted" || r.verdict === "error");
    const evidence = results.map((r) => ({
      label: `${r.host}:${r.port}`,
      text: r.error ?? r.chain.map((c) => `${c.subject}  ←  ${c.issuer}`).join("\n"),
    }));
    if (bad.length) {
      const who = bad.map((r) => `${r.host}: ${r.chain[r.chain.length - 1]?.issuer ?? "?"}`).join(
        "; ",
      );
      return {
        status: "fail",
        summary: {
          ja: `TLS が傍受されている可能性: ${who}`,
          en: `TLS interception suspected: ${who}`,
        },
        data: { targets: results },
        evidence,
      };
    }
    if (shaky.length) {
      const who = shaky.map((r) => `${r.host}: ${r.error ?? r.trustError}`).join("; ");
      return {
        status: "warn",
        summary: { ja: `TLS を確認できません: ${who}`, en: `TLS could not be verified: ${who}` },
        data: { targets: results },
        evidence,
      };
    }
    return {
      status: "ok",
      summary: {
        ja: "証明書の発行元は想定どおりです",
        en: "Certificates come from the expected issuers",
      },
      data: { targets: results },
      evidence,
    };
  },
});
