import assert from "node:assert/strict";
import { diagnose } from "../diagnose.ts";
import { familyBreak } from "./families.ts";
import { ipv4Broken } from "./ipv4.ts";
import { ipv6Broken } from "./ipv6.ts";
import { unreachable } from "./reach.ts";
import { httpTarget, httpTiming, inputOf, result, tcpConnect, tcpTarget } from "./rule_testing.ts";

const v4Dead = [[4, false, 1000, "timeout"], [6, true, 12]] as [4 | 6, boolean, number, string?][];

/** IPv4 dropped beyond the provider: its portal answers over IPv4, nothing beyond does. */
const beyondEdge = tcpConnect([
  tcpTarget("provider-portal", "10.64.1.80", "isp", [[4, true, 5]]),
  tcpTarget("anchor", "198.18.0.10", "internet", [[4, false, 1000, "timeout"]]),
  tcpTarget("www", "www.example.test", "internet", v4Dead),
  tcpTarget("app-submission", "app.example.test", "service", v4Dead),
]);

Deno.test("ipv4Broken() puts IPv4 dropped beyond the provider's edge on the internet side", () => {
  const [f] = ipv4Broken(inputOf(beyondEdge));
  assert.equal(f.id, "internet.ipv4-broken");
  assert.equal(f.severity, "fail");
  assert.equal(f.at, "internet");
  assert.match(f.detail.en, /provider's own servers \(provider-portal\) answer over IPv4/);
  assert.match(f.detail.en, /sites that have only IPv4 cannot be opened/);
  assert.doesNotMatch(f.advice.en, /those destinations/);
  assert.match(f.advice.en, /contact your provider/);
});

Deno.test("the IPv4 address target is the IPv4 finding's, not 'a problem of those sites'", () => {
  assert.deepEqual(unreachable(inputOf(beyondEdge)), []);
  const d = diagnose([beyondEdge]);
  assert.equal(d.headline.finding, "internet.ipv4-broken");
  assert.deepEqual(
    d.findings.filter((f) => f.severity !== "info").map((f) => f.id),
    ["internet.ipv4-broken"],
  );
});

Deno.test("ipv4Broken() places the break at the provider when nothing of it answers over IPv4", () => {
  const input = inputOf(tcpConnect([
    tcpTarget("www", "www.example.test", "internet", v4Dead),
    tcpTarget("app", "app.example.test", "service", v4Dead),
  ]));
  const [f] = ipv4Broken(input);
  assert.equal(f.id, "isp.ipv4-broken");
  assert.match(f.detail.en, /MAP-E, DS-Lite/);
});

Deno.test("ipv6Broken() costs the fallback: a browser's 250 ms, an app's OS timeout", () => {
  const fallback = {
    preferred: 6 as const,
    preferredError: "timeout",
    happyEyeballsMs: 262,
    happyEyeballsDelayMs: 250,
    sequentialMs: 21_012,
    sequentialIsOsTimeout: true,
  };
  const family = (f: 4 | 6, ok: boolean) => ({
    family: f,
    address: f === 4 ? "198.18.0.20" : "fd00:18::20",
    ok,
    ...(ok ? {} : { failedAt: "connect" as const, error: "timeout" }),
    connectMs: ok ? 12 : null,
    ttfbMs: ok ? 3 : null,
    totalMs: ok ? 20 : null,
    status: ok ? 200 : null,
    ms: ok ? 20 : 2000,
  });
  const input = inputOf(
    httpTiming(["www", "app"].map((n) =>
      httpTarget(n, `https://${n}.example.test/`, {
        families: [family(6, false), family(4, true)],
        preferredFamily: 6,
        fallback,
      })
    )),
  );
  const [f] = ipv6Broken(input);
  assert.equal(f.id, "isp.ipv6-broken");
  assert.equal(f.severity, "warn");
  assert.match(
    f.detail.en,
    /after about 250 ms; apps that try one address at a time wait about 21 s/,
  );
  assert.match(f.advice.en, /IPv6 \(IPoE\)/);
  assert.deepEqual(f.evidence[0].values, {
    v6Failed: ["www", "app"],
    happyEyeballsDelayMs: 250,
    sequentialMs: 21_012,
  });
});

Deno.test("a family is not broken when it reached anything beyond the provider, or packets are lost", () => {
  const reached = inputOf(tcpConnect([
    tcpTarget("anchor", "198.18.0.10", "internet", [[4, true, 5]]),
    tcpTarget("www", "www.example.test", "internet", v4Dead),
    tcpTarget("app", "app.example.test", "service", v4Dead),
  ]));
  assert.equal(familyBreak(reached, 4), null);
  const lossy = inputOf(
    beyondEdge,
    result("internet.ping", {
      targets: [{ target: "a", sent: 20, received: 15, lossPercent: 25 }],
    }),
  );
  assert.deepEqual(ipv4Broken(lossy), []);
  const one = inputOf(tcpConnect([tcpTarget("www", "www.example.test", "internet", v4Dead)]));
  assert.deepEqual(ipv4Broken(one), []);
});
