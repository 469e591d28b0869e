import assert from "node:assert/strict";
import { decide } from "./decide.ts";
import type { LicenceClaims, LicenceEvidence } from "./licence_token.ts";
import type { Lang } from "../util/text.ts";
import { DATA_CATEGORIES, type DataCategory } from "../util/data_categories.ts";
import type { Grants, Requirements } from "./requirements.ts";

const H = (c: string) => c.repeat(64);
const SKEW = 5 * 60_000;

function req(over: {
  required?: DataCategory[];
  requested?: DataCategory[] | null;
  licenceRequired?: boolean;
  os?: "linux" | "plan9-warn" | "plan9-refuse";
  declaredEn?: string;
} = {}): Requirements {
  const os = over.os ?? "linux";
  return {
    product: "Kit",
    terms: {
      version: "2.0",
      declared: { ja: H("a"), en: over.declaredEn ?? H("b") },
      actual: { ja: H("a"), en: H("b") },
    },
    required: over.required ?? ["measurements"],
    requested: over.requested ?? null,
    licence: { required: over.licenceRequired ?? false, product: "kit", clockSkewMs: SKEW },
    os: {
      current: os === "linux" ? "linux" : "plan9",
      supported: ["linux", "windows"],
      elsewhere: os === "plan9-refuse" ? "refuse" : "warn",
    },
  };
}

const claims = (product = "kit"): LicenceClaims => ({
  schema: "kiriwake.licence/v1",
  id: "lic-1",
  licensee: { id: "C-42" },
  product,
  services: ["fiber"],
  notBefore: "2027-01-01T00:00:00.000Z",
  notAfter: "2027-03-31T23:59:59.999Z",
  issuedAt: "2026-12-01T00:00:00.000Z",
});

const accepted = (
  categories: DataCategory[],
  terms: { version?: string; sha256?: string; lang?: Lang } = {},
): Grants => ({
  state: "accepted",
  terms: {
    version: terms.version ?? "2.0",
    sha256: terms.sha256 ?? H("b"),
    lang: terms.lang ?? "en",
  },
  categories,
});

// Every dimension the decision reads, each with values on both sides of every edge.
const GRANT_STATES: { name: string; termsOk: boolean; make(c: DataCategory[]): Grants }[] = [
  { name: "none", termsOk: false, make: () => ({ state: "none" }) },
  { name: "damaged", termsOk: false, make: () => ({ state: "damaged", path: "/c", detail: "x" }) },
  {
    name: "unreadable",
    termsOk: false,
    make: () => ({ state: "unreadable", path: "/c", detail: "x" }),
  },
  { name: "current-en", termsOk: true, make: (c) => accepted(c) },
  { name: "current-ja", termsOk: true, make: (c) => accepted(c, { lang: "ja", sha256: H("a") }) },
  { name: "old-version", termsOk: false, make: (c) => accepted(c, { version: "1.0" }) },
  { name: "changed-text", termsOk: false, make: (c) => accepted(c, { sha256: H("c") }) },
  {
    name: "other-lang-hash",
    termsOk: false,
    make: (c) => accepted(c, { lang: "ja", sha256: H("b") }),
  },
];
const SUBSETS: DataCategory[][] = Array.from(
  { length: 16 },
  (_, m) => DATA_CATEGORIES.filter((_, i) => m & (1 << i)),
);
const REQUESTED: (DataCategory[] | null)[] = [null, ["measurements", "device"], [
  ...DATA_CATEGORIES,
]];
const NBF = Date.parse("2027-01-01T00:00:00.000Z");
const NAF = Date.parse("2027-03-31T23:59:59.999Z");
const NOWS = [
  { t: NBF - SKEW - 1, window: "before" },
  { t: NBF - SKEW + 1, window: "inside" },
  { t: (NBF + NAF) / 2, window: "inside" },
  { t: NAF + SKEW - 1, window: "inside" },
  { t: NAF + SKEW + 1, window: "after" },
] as const;
const EVIDENCE: { name: string; ev: LicenceEvidence }[] = [
  { name: "none", ev: { state: "none" } },
  { name: "malformed", ev: { state: "rejected", problem: "malformed", detail: "d" } },
  { name: "unknown-key", ev: { state: "rejected", problem: "unknown-key", detail: "d" } },
  { name: "bad-signature", ev: { state: "rejected", problem: "bad-signature", detail: "d" } },
  { name: "verified", ev: { state: "verified", keyId: "k", claims: claims() } },
  { name: "wrong-product", ev: { state: "verified", keyId: "k", claims: claims("other") } },
];

/** The expected licence problem, written independently of decide.ts. */
function expectedLicenceProblem(name: string, window: string, required: boolean): string | null {
  if (name === "none") return required ? "missing" : null;
  if (name === "verified") {
    return window === "before" ? "not-yet-valid" : window === "after" ? "expired" : null;
  }
  return name;
}

interface Case {
  g: typeof GRANT_STATES[number];
  cats: DataCategory[];
  requested: DataCategory[] | null;
  required: DataCategory[];
  declaredEn: string;
  os: "linux" | "plan9-warn" | "plan9-refuse";
  licenceRequired: boolean;
  e: typeof EVIDENCE[number];
  now: typeof NOWS[number];
}

/** Checks one case against rules written independently of decide.ts. */
function check(c: Case): void {
  const { g, cats, requested, required, declaredEn, os, licenceRequired, e, now } = c;
  const r = req({ required, requested, licenceRequired, os, declaredEn });
  const d = decide(r, g.make(cats), e.ev, new Date(now.t));
  const granted = g.termsOk ? cats.filter((x) => (requested ?? cats).includes(x)) : [];
  const licProblem = expectedLicenceProblem(e.name, now.window, licenceRequired);
  const expectMissing = [
    ...(os === "plan9-refuse" ? ["os"] : []),
    ...(licenceRequired && licProblem ? [`licence:${licProblem}`] : []),
    ...(declaredEn !== H("b") ? ["terms:brand-mismatch"] : []),
    ...(g.termsOk ? [] : ["terms"]),
    ...(g.termsOk ? required.filter((x) => !granted.includes(x)).map((x) => `category:${x}`) : []),
  ];
  const got = d.missing.map((m) =>
    m.kind === "terms"
      ? (m.problem === "brand-mismatch" ? "terms:brand-mismatch" : "terms")
      : m.kind === "licence"
      ? `licence:${m.problem}`
      : m.kind === "category"
      ? `category:${m.category}`
      : "os"
  );
  assert.deepEqual(got.sort(), expectMissing.sort());
  assert.equal(d.allowed, expectMissing.length === 0);
  assert.deepEqual(d.granted, DATA_CATEGORIES.filter((x) => granted.includes(x)));
  assert.deepEqual([...d.granted, ...d.refused].sort(), [...DATA_CATEGORIES].sort());
  assert.equal(d.reasons.filter((x) => x.blocking).length, d.missing.length);
  for (const x of d.reasons) {
    assert.ok(x.text.ja && x.text.en && !/undefined|NaN/.test(x.text.ja + x.text.en));
  }
  const status = e.name === "none"
    ? (licenceRequired ? "missing" : "not-required")
    : licProblem === null
    ? "valid"
    : "invalid";
  assert.equal(d.licence.status, status);
  assert.equal(d.licence.required, licenceRequired);
  assert.equal(d.licence.problem, licProblem ?? undefined);
  // An invalid licence that is not required is still said, as a warning.
  assert.equal(
    d.reasons.some((x) => !x.blocking && x.code.startsWith("licence-")),
    !licenceRequired && licProblem !== null,
  );
  assert.equal(d.reasons.some((x) => x.code === "os-unsupported"), os === "plan9-warn");
}

Deno.test("decide() agrees with the rules over every combination of its inputs", () => {
  let cases = 0;
  for (const g of GRANT_STATES) {
    for (const cats of SUBSETS) {
      for (const requested of REQUESTED) {
        for (const required of [["measurements"], []] as DataCategory[][]) {
          for (const declaredEn of [H("b"), H("f")]) {
            for (const os of ["linux", "plan9-warn", "plan9-refuse"] as const) {
              for (const licenceRequired of [false, true]) {
                for (const e of EVIDENCE) {
                  for (const now of NOWS) {
                    const c = {
                      g,
                      cats,
                      requested,
                      required,
                      declaredEn,
                      os,
                      licenceRequired,
                      e,
                      now,
                    };
                    cases++;
                    try {
                      check(c);
                    } catch (err) {
                      // Named only on failure: building a label per case would dominate the run.
                      const label = `${g.name} granted=${cats} requested=${requested} ` +
                        `required=${required} brandOk=${declaredEn === H("b")} ${os} ` +
                        `licenceRequired=${licenceRequired} ${e.name} ${now.window}`;
                      throw new Error(label, { cause: err });
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  assert.equal(cases, 8 * 16 * 3 * 2 * 2 * 3 * 2 * 6 * 5);
});

Deno.test("decide() explains each licence problem with the date or the product", () => {
  const r = req({ licenceRequired: true });
  const g = accepted([...DATA_CATEGORIES]);
  const v = (c: LicenceClaims): LicenceEvidence => ({ state: "verified", keyId: "k", claims: c });
  const expired = decide(r, g, v(claims()), new Date("2027-05-01T00:00:00Z"));
  assert.equal(expired.reasons[0].text.en, "The licence expired on 2027-03-31 23:59 UTC");
  assert.match(expired.reasons[0].text.ja, /2027-03-31 23:59 UTC/);
  assert.equal(expired.licence.licensee, "C-42");
  const early = decide(r, g, v(claims()), new Date("2026-12-01T00:00:00Z"));
  assert.equal(
    early.reasons[0].text.en,
    "The licence is not valid yet: it starts on 2027-01-01 00:00 UTC",
  );
  const other = decide(r, g, v(claims("other")), new Date("2027-02-01T00:00:00Z"));
  assert.equal(other.reasons[0].text.en, 'This licence is for "other", not for Kit');
  const none = decide(r, g, { state: "none" }, new Date());
  assert.match(none.reasons[0].text.en, /needs a licence, and none is installed.*license install/);
  const sig = decide(r, g, { state: "rejected", problem: "bad-signature", detail: "" }, new Date());
  assert.match(sig.reasons[0].text.en, /signature is wrong: the file was altered or damaged/);
  const ok = decide(r, g, v(claims()), new Date("2027-02-01T00:00:00Z"));
  assert.deepEqual(ok.licence, {
    required: true,
    status: "valid",
    licensee: "C-42",
    id: "lic-1",
    services: ["fiber"],
    notBefore: "2027-01-01T00:00:00.000Z",
    notAfter: "2027-03-31T23:59:59.999Z",
    keyId: "k",
  });
});

Deno.test("decide() says why the terms must be accepted again", () => {
  const r = req();
  const now = new Date();
  const old = decide(r, accepted(["measurements"], { version: "1.0" }), { state: "none" }, now);
  assert.deepEqual(old.missing, [{ kind: "terms", problem: "old-version" }]);
  assert.match(old.reasons[0].text.en, /changed from version 1\.0 to version 2\.0/);
  const changed = decide(r, accepted(["measurements"], { sha256: H("c") }), { state: "none" }, now);
  assert.deepEqual(changed.missing, [{ kind: "terms", problem: "changed-text" }]);
  const damaged = decide(r, { state: "damaged", path: "/c/consent.json", detail: "digest" }, {
    state: "none",
  }, now);
  assert.match(
    damaged.reasons[0].text.en,
    /"\/c\/consent\.json" is damaged or was edited by hand \(digest\)/,
  );
  const mismatch = decide(req({ declaredEn: H("f") }), accepted(["measurements"]), {
    state: "none",
  }, now);
  assert.match(
    mismatch.reasons[0].text.en,
    new RegExp(`hashes to ${H("b")}, not to .* \\(${H("f")}\\)`),
  );
  assert.equal(mismatch.allowed, false);
});

Deno.test("decide() narrows to the request and notes categories never consented", () => {
  const d = decide(
    req({ requested: ["identifiers", "measurements"] }),
    accepted(["device", "measurements"]),
    { state: "none" },
    new Date(),
  );
  assert.equal(d.allowed, true);
  assert.deepEqual(d.granted, ["measurements"]);
  assert.deepEqual(d.refused, ["device", "network", "identifiers"]);
  assert.deepEqual(d.reasons.map((x) => x.code), ["category-not-consented:identifiers"]);
});
