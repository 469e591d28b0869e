/**
 * Property: no text makes a parser of the KIND table throw anything but ParseError. Four
 * generators, fixed seeds: any code points; printable lines; lines and words of every
 * recorded fixture recombined with random ones, which reach deep into the parsers because
 * each line is real output of some kind; and JSON trees built from the keys `ip -j route`
 * and `system_profiler -json` use. `KIRIWAKE_FUZZ_RUNS` raises the runs per kind and
 * generator (default 150 in CI).
 */
import fc from "fast-check";
import { type ParseKind, parseKinds, PARSERS } from "../probes/parse/mod.ts";
import { ParseError } from "../probes/parse/parse_error.ts";
import { fixtureInputs } from "./support/parser_inputs.ts";

const runs = Number(Deno.env.get("KIRIWAKE_FUZZ_RUNS") ?? 150);

const lines = [...new Set(fixtureInputs().flatMap((f) => f.text.split("\n")))];
const words = [...new Set(lines.flatMap((l) => l.split(/\s+/)).filter(Boolean))];

const anyText = fc.string({ unit: "binary", maxLength: 2000 });
const printableLines = fc.array(fc.string({ unit: "grapheme-ascii", maxLength: 120 }), {
  maxLength: 40,
}).map((ls) => ls.join("\n"));
const recombined = fc.array(
  fc.oneof(
    fc.constantFrom(...lines),
    fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 8 })), { maxLength: 12 })
      .map((ws) => ws.join(" ")),
    fc.string({ unit: "grapheme", maxLength: 60 }),
  ),
  { maxLength: 60 },
).map((ls) => ls.join("\n"));

/** JSON for the two JSON kinds (`ip -j route`, `system_profiler -json`), near and far from them. */
const keyed = (keys: string[], value: fc.Arbitrary<unknown>) =>
  fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
const routeKeys = ["dst", "gateway", "dev", "metric", "type", "via", "nexthops", "host"];
const spKeys = [
  "SPAirPortDataType",
  "spairport_airport_interfaces",
  "spairport_status_information",
  "spairport_current_network_information",
  "spairport_network_bssid",
  "spairport_network_channel",
  "spairport_network_rate",
  "spairport_security_mode",
  "spairport_signal_noise",
  "_name",
];
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: "small" },
    fc.jsonValue(),
    fc.array(tie("tree"), { maxLength: 4 }),
    keyed([...routeKeys, ...spKeys], tie("tree")),
  ),
}));
const json = fc.oneof(
  fc.array(keyed(routeKeys, tree), { maxLength: 6 }),
  keyed(spKeys, tree),
  tree,
).map((v) => JSON.stringify(v) ?? "");

const generators = {
  "any code points": anyText,
  "printable lines": printableLines,
  recombined,
  json,
};

for (const kind of parseKinds() as ParseKind[]) {
  const entry = PARSERS[kind];
  const os = entry.os.length === 1 ? entry.os[0] : undefined;
  Deno.test(`parser fuzz: ${kind} throws nothing but ParseError`, () => {
    let seed = 20261124;
    for (const gen of Object.values(generators)) {
      fc.assert(
        fc.property(gen, (text) => {
          try {
            entry.parse(text, { os });
          } catch (e) {
            if (!(e instanceof ParseError)) throw e;
          }
        }),
        { seed: seed++, numRuns: runs, endOnFailure: true, examples: [] },
      );
    }
  });
}
