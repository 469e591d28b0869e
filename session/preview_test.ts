import assert from "node:assert/strict";
import { z } from "zod";
import type { Platform, Probe } from "../probes/types.ts";
import { buildPreview } from "./preview.ts";
import type { DataCategory } from "../util/data_categories.ts";

function probe(
  id: string,
  dataCategories: DataCategory[],
  platforms: Platform[] = ["linux"],
): Probe {
  return {
    id,
    title: { ja: id, en: id },
    description: { ja: id, en: id },
    segment: "device",
    dataCategories,
    dependsOn: [],
    timeoutMs: 1000,
    platforms,
    schema: z.object({}),
    run: () => Promise.reject(new Error("a preview must never run a probe")),
  };
}

const probes = [
  probe("a.device", ["device"]),
  probe("b.net", ["network", "measurements"]),
  probe("c.mac", ["measurements"], ["darwin"]),
];
const ids = [{ kind: "hostname", value: "alice-pc" }, { kind: "mac", value: "02:fc:00:00:00:01" }];

Deno.test("buildPreview() says per category what is recorded and which probes are skipped, and why", () => {
  const p = buildPreview(probes, ["device", "measurements"], "consent-flag", "linux", ids);
  assert.deepEqual(p.granted, ["device", "measurements"]);
  assert.deepEqual(
    p.categories.map((c) => [c.category, c.recorded, c.probes]),
    [
      ["device", true, ["a.device"]],
      ["network", false, ["b.net"]],
      ["identifiers", false, []],
      ["measurements", true, ["b.net", "c.mac"]],
    ],
  );
  assert.deepEqual(p.probes.map((x) => [x.id, x.runs, x.reason?.en]), [
    ["a.device", true, undefined],
    ["b.net", false, "Needs data categories that were not consented: network"],
    ["c.mac", false, "Not available on this OS (linux)"],
  ]);
  assert.deepEqual(p.identifiers.map((i) => i.inReport), ["[redacted:hostname]", "[redacted:mac]"]);
});

Deno.test("buildPreview() shows identifiers as they are when they are consented", () => {
  const p = buildPreview(
    probes,
    ["device", "identifiers", "measurements"],
    "record",
    "darwin",
    ids,
  );
  assert.deepEqual(p.identifiers.map((i) => i.inReport), ["alice-pc", "02:fc:00:00:00:01"]);
  assert.equal(p.probes.find((x) => x.id === "c.mac")!.runs, true);
});
