import assert from "node:assert/strict";
import { decodeOutput } from "../lib/decode.ts";
import { netGatewayProbe } from "./net_gateway.ts";
import { onHost, scriptedExec, testContext } from "../testing.ts";

const fixture = (path: string) =>
  Deno.readTextFile(new URL(`../../tests/fixtures/${path}`, import.meta.url));

Deno.test("net.gateway reads Windows route print, interface index kept for link-local zones", async () => {
  const exec = scriptedExec({
    "route print": await fixture("windows/en/route/route_print_dual_stack.txt"),
  });
  const out = await onHost(netGatewayProbe, { os: "windows" }).run(testContext({ exec }));
  assert.equal(out.status, "ok");
  assert.deepEqual(out.data.routes.map((r) => [r.family, r.gateway, r.ifIndex ?? null]), [
    [4, "192.168.1.1", null],
    [4, "192.168.0.1", null],
    [6, "fe80::1", 12],
    [6, "fe80::a:b:c:d", 18],
  ]);
});

Deno.test("net.gateway reads Japanese route print from CP932 bytes", async () => {
  const bytes = await Deno.readFile(
    new URL("../../tests/fixtures/windows/ja/route/route_print_dual_stack.bin", import.meta.url),
  );
  const exec = scriptedExec({ "route print": decodeOutput(bytes).text });
  const out = await onHost(netGatewayProbe, { os: "windows" }).run(testContext({ exec }));
  assert.ok(out.data.routes.some((r) => r.family === 4), JSON.stringify(out.data));
});

Deno.test("net.gateway reads macOS netstat -rn, on-link defaults included", async () => {
  const exec = scriptedExec({
    "netstat -rn": await fixture("darwin/en/netstat/macos_dual_stack_scoped.txt"),
  });
  const out = await onHost(netGatewayProbe, { os: "darwin" }).run(testContext({ exec }));
  assert.deepEqual(out.data.routes.map((r) => r.gateway), [
    "192.168.1.1",
    "fe80::1%en0",
    "fe80::%utun0",
  ]);
  assert.deepEqual(out.data.onLink, [{ family: 4, interface: "bridge100" }]);
});

Deno.test("net.gateway on Linux falls back to route -n without iproute2, and fails with no default", async () => {
  const exec = scriptedExec({ "route -n": await fixture("linux/en/route/route_n.txt") });
  const out = await onHost(netGatewayProbe, { os: "linux" }).run(testContext({ exec }));
  assert.equal(out.data.source, "route -n");
  assert.ok(out.data.routes.length > 0);
  const none = scriptedExec({
    "ip -j -4 route show default": "[]",
    "ip -j -6 route show default": "[]",
  });
  const empty = await onHost(netGatewayProbe, { os: "linux" }).run(testContext({ exec: none }));
  assert.equal(empty.status, "fail");
  assert.equal(empty.summary.en, "There is no default gateway");
});

Deno.test("net.gateway says why when no route command can run", async () => {
  await assert.rejects(
    onHost(netGatewayProbe, { os: "darwin" }).run(testContext({ exec: scriptedExec({}) })),
    /netstat was not found/,
  );
});
