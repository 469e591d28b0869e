/**
 * Class 9: integrity and terminals. Members the schema would drop (`__proto__`, a member
 * named twice) are covered by the digest or refused; escape sequences in a report, a
 * plugin's summary, a manifest's titles or a file's name never reach the terminal.
 *
 * @module
 */
import {
  commandPlugin,
  manifestOf,
  modulePlugin,
  okResult,
  onlyConfig,
  reportProblem,
  reseal,
  runArgs,
  validReport,
} from "./fixtures.ts";
import { type Case, clean, expectError, expectExit, type Kit, type Outcome } from "./harness.ts";

const CLS = "9 integrity";

/** What a terminal would act on. */
// deno-lint-ignore no-control-regex -- what a terminal acts on
const ACTIVE = /[\x1b\x9b\x9d\u202e\u2066-\u2069\x07\r]/;

/** Escape sequences of several kinds, to plant. */
const ESCAPES = [
  "\x1b[2J\x1b[H",
  "\x1b]0;owned\x07",
  "\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\",
  "\u009b31m",
  "\u202eevil",
  "a\rVALID REPORT",
];

function noEscapes(text: string, where: string): Outcome {
  const m = ACTIVE.exec(text);
  return m
    ? { verdict: "crash", detail: `${where} carries ${JSON.stringify(m[0])} to the terminal` }
    : clean();
}

/** A sealed report whose texts carry `esc`. */
async function hostileReport(k: Kit, esc: string): Promise<string> {
  const r = await validReport();
  r.probes[0].summary = { ja: `ja${esc}`, en: `en${esc}` };
  r.diagnosis.headline.text = { ja: `ja${esc}`, en: `en${esc}` };
  return await k.write("report.json", JSON.stringify(await reseal(r), null, 2));
}

/** The class's cases. */
export function integrityCases(): Case[] {
  const cases: Case[] = [];
  const planted: [string, (text: string) => string][] = [
    [
      "__proto__ added to a probe's data",
      (t) => t.replace(`"data":{`, `"data":{"__proto__":{"x":1},`),
    ],
    ["__proto__ added at the top", (t) => t.replace(/^\{/, `{"__proto__":{"x":1},`)],
    ["a member named twice (id)", (t) => t.replace(/^\{/, `{"id":"forged",`)],
    [
      "a member named twice in a probe",
      (t) => t.replace(`"status":"ok"`, `"status":"fail","status":"ok"`),
    ],
  ];
  for (const [name, edit] of planted) {
    cases.push({
      cls: CLS,
      name: `report verify: ${name}`,
      run: async (k) => {
        const r = await validReport();
        const file = await k.write("report.json", edit(JSON.stringify(r)));
        return expectError(await k.run(["report", "verify", file]), 4);
      },
    });
  }
  for (const esc of ESCAPES) {
    cases.push({
      cls: CLS,
      name: `report show: ${JSON.stringify(esc)} in summaries and headline`,
      run: async (k) => {
        const r = await k.run(["report", "show", await hostileReport(k, esc)]);
        return expectExit(r, [0]) ?? noEscapes(r.stdout, "report show");
      },
    });
  }
  cases.push({
    cls: CLS,
    name: "report verify --json: C1 and bidi controls in the file's name",
    run: async (k) => {
      const file = k.path("r\u009b2J\u202eevil.json");
      await Deno.rename(await hostileReport(k, ""), file);
      const r = await k.run(["report", "verify", "--json", file]);
      return expectExit(r, [0]) ?? noEscapes(r.stdout, "report verify --json");
    },
  });
  for (const esc of ESCAPES.slice(0, 4)) {
    cases.push({
      cls: CLS,
      name: `progress lines: a plugin's summary with ${JSON.stringify(esc)}`,
      run: async (k) => {
        const p = commandPlugin("esc", `cat >/dev/null; cat '${k.path("out.json")}'`);
        await k.write("out.json", okResult("{}", `fine${esc}`));
        const m = await manifestOf(k, [p]);
        const config = await k.write("c.json", onlyConfig([p.id]));
        const r = await k.run(runArgs("--config", config, "--manifest", m, "--out", k.path("out")));
        const bad = expectExit(r, [0, 1]);
        if (bad) return bad;
        const lost = await reportProblem(k.path("out"));
        return lost ? { verdict: "loss", detail: lost } : noEscapes(r.stderr, "the progress lines");
      },
    });
  }
  cases.push({
    cls: CLS,
    name: "plugins list: escape sequences in a manifest's titles and publisher",
    run: async (k) => {
      const m = await manifestOf(k, [modulePlugin("x", "return 1;")]);
      const json = JSON.parse(await Deno.readTextFile(m));
      json.publisher.name = `ISP${ESCAPES[0]}`;
      json.probes[0].title = { ja: `t${ESCAPES[1]}`, en: `t${ESCAPES[4]}` };
      await Deno.writeTextFile(m, JSON.stringify(json));
      const r = await k.run(["plugins", "list", m]);
      return expectExit(r, [0]) ?? noEscapes(r.stdout + r.stderr, "plugins list");
    },
  });
  cases.push({
    cls: CLS,
    name: "an error naming a file whose name holds escape sequences",
    run: async (k) => {
      const r = await k.run(["report", "verify", k.path(`x${ESCAPES[0]}${ESCAPES[1]}.json`)]);
      const judged = expectError(r, 4);
      return judged.verdict === "clean" ? noEscapes(r.stderr, "the error line") : judged;
    },
  });
  return cases;
}
