import assert from "node:assert/strict";
import { LAB, labTest } from "../../tests/support/netns_lab.ts";
import { pathLossProbe } from "./path_loss.ts";
import { onHost, scriptedExec, testContext } from "../testing.ts";
import type { ProbeResult } from "../types.ts";

/** A ping probe's result with one target per `[target, lost of 20]`. */
function pings(id: string, targets: [string, number][], role?: "hop" | "on-net"): ProbeResult {
  return {
    id,
    title: { ja: id, en: id },
    segment: "lan",
    status: "ok",
    startedAt: "2026-11-24T09:00:00Z",
    durationMs: 4000,
    evidence: [],
    source: "builtin",
    data: {
      targets: targets.map(([target, lost]) => ({
        target,
        family: 4,
        status: "ok",
        sent: 20,
        received: 20 - lost,
        samples: Array.from({ length: 20 }, (_, i) => (i < lost ? null : 1)),
        intervalMs: 200,
        ...(role ? { role, ...(role === "hop" ? { ttl: 2 } : {}) } : {}),
      })),
    },
  };
}

function deps(
  gw: number,
  hop: number,
  anchor: number,
  addresses = ["192.168.1.1", "100.64.0.1", "198.51.100.1"],
) {
  return {
    "lan.gateway.ping": pings("lan.gateway.ping", [[addresses[0], gw]]),
    "isp.ping": pings("isp.ping", [[addresses[1], hop]], "hop"),
    "internet.ping": pings("internet.ping", [[addresses[2], anchor]]),
  };
}

Deno.test("path.loss decides a clean path at once, without a single extra echo", async () => {
  const exec = scriptedExec({});
  const ctx = testContext({ deps: deps(0, 0, 0), exec });
  const out = await onHost(pathLossProbe, { os: "linux" }).run(ctx);
  assert.equal(out.status, "ok");
  assert.deepEqual(out.data.verdicts, [{ kind: "clean", family: 4 }]);
  assert.equal(out.data.adaptive.rounds, 0);
  assert.deepEqual(exec.calls, []);
  assert.deepEqual(out.data.points.map((p) => [p.role, p.segment, p.rate.n]), [
    ["gateway", "lan", 20],
    ["hop", "isp", 20],
    ["anchor", "internet", 20],
  ]);
  assert.ok(pathLossProbe.schema.safeParse(out.data).success);
});

Deno.test("path.loss places heavy loss without measuring more", async () => {
  const out = await onHost(pathLossProbe, { os: "linux" }).run(
    testContext({ deps: deps(0, 8, 9), exec: scriptedExec({}) }),
  );
  const [v] = out.data.verdicts;
  assert.equal(v.kind === "localised" && v.segment, "isp");
  assert.equal(out.status, "warn");
});

Deno.test("path.loss with no budget says undecided instead of measuring more", async () => {
  const exec = scriptedExec({});
  const ctx = testContext({ deps: deps(0, 0, 1), exec, config: { ping: { adaptiveBudgetMs: 0 } } });
  const out = await onHost(pathLossProbe, { os: "linux" }).run(ctx);
  assert.equal(out.data.verdicts[0].kind, "undecided");
  assert.deepEqual(exec.calls, []);
  assert.match(out.summary.en, /inconclusive/);
});

labTest(
  "path.loss measures more when one lost echo cannot decide, until the loss is placed",
  async (lab) => {
    // The far host drops a quarter of the echo requests it gets; the router drops none.
    await lab.sh(
      lab.server,
      "iptables",
      "-A",
      "INPUT",
      "-p",
      "icmp",
      "-m",
      "statistic",
      "--mode",
      "random",
      "--probability",
      "0.25",
      "-j",
      "DROP",
    );
    const ctx = testContext({
      deps: deps(0, 0, 1, [LAB.router4, LAB.routerFar4, LAB.server4]),
      exec: lab.clientExec,
      config: { ping: { adaptiveBudgetMs: 8000 } },
    });
    const t0 = performance.now();
    const out = await onHost(pathLossProbe, { os: "linux" }).run(ctx);
    const ms = performance.now() - t0;
    const [v] = out.data.verdicts;
    assert.equal(
      v.kind === "localised" && v.segment,
      "internet",
      JSON.stringify(out.data.verdicts),
    );
    assert.ok(out.data.adaptive.rounds >= 1 && out.data.adaptive.usedMs <= 8000 + 500, `${ms} ms`);
    const anchor = out.data.points.find((p) => p.role === "anchor")!;
    assert.equal(anchor.sent, 20 + out.data.adaptive.addedEchoes);
    assert.equal(anchor.series.length, 1 + out.data.adaptive.rounds);
    assert.equal(anchor.series[1].intervalMs, 50);
  },
);
