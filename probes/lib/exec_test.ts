import assert from "node:assert/strict";
import { describeFailure, exec } from "./exec.ts";

Deno.test("exec() captures output and exit code", async () => {
  const r = await exec("sh", ["-c", "echo out; echo err >&2; exit 3"]);
  assert.equal(r.ok, false);
  assert.equal(r.failure, "exit-code");
  assert.equal(r.code, 3);
  assert.equal(r.stdout, "out\n");
  assert.equal(r.stderr, "err\n");
  assert.match(describeFailure(r).en, /exited with code 3/);
});

Deno.test("exec() reports a missing command as not-found", async () => {
  const r = await exec("kiriwake-no-such-command", []);
  assert.equal(r.failure, "not-found");
  assert.match(describeFailure(r).ja, /見つかりません/);
});

Deno.test("exec() kills a command at its timeout", async () => {
  const t0 = performance.now();
  const r = await exec("sleep", ["10"], { timeoutMs: 100 });
  assert.equal(r.failure, "timeout");
  assert.ok(performance.now() - t0 < 5000);
});

Deno.test("exec() kills a command when the probe is aborted", async () => {
  const c = new AbortController();
  setTimeout(() => c.abort(), 50);
  const r = await exec("sleep", ["10"], { signal: c.signal });
  assert.equal(r.failure, "aborted");
});

Deno.test("exec() caps output and kills a command that writes forever", async () => {
  const r = await exec("sh", ["-c", "yes kiriwake"], { maxBytes: 64 * 1024 });
  assert.equal(r.failure, "output-too-large");
  assert.equal(r.stdout.length, 64 * 1024);
});

Deno.test("exec() runs commands in the C locale and passes stdin", async () => {
  const r = await exec("sh", ["-c", 'echo "$LC_ALL"; cat'], { stdin: "from stdin" });
  assert.equal(r.stdout, "C\nfrom stdin");
});

Deno.test("exec() decodes CP932 output", async () => {
  // "接続" in CP932 bytes, as a Japanese Windows console would write it.
  const r = await exec("printf", ["\\220\\332\\221\\261\\r\\n"]);
  assert.equal(r.encoding, "cp932");
  assert.equal(r.stdout, "接続\n");
});

Deno.test("exec() does not wait for a grandchild that keeps the pipe open after a timeout", async () => {
  const t0 = performance.now();
  const r = await exec("sh", ["-c", "sleep 30; echo never"], { timeoutMs: 200 });
  assert.equal(r.failure, "timeout");
  assert.ok(performance.now() - t0 < 5000, "returned long before the grandchild ends");
});
