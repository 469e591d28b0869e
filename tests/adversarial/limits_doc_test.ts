/**
 * docs/limits.md states the limits the code enforces: each constant's value appears there.
 */
import assert from "node:assert/strict";
import { MAX_JSON_DEPTH, MAX_RESULT_DEPTH } from "../../util/json_text.ts";
import { INPUT_LIMITS } from "../../util/read_input.ts";
import { MAX_DURATION_MS } from "../../util/timeouts.ts";
import { MAX_ISSUE_CHARS, MAX_LISTED_ISSUES } from "../../util/zod_issues.ts";
import { MAX_PLUGINS } from "../../plugins/manifest_schema.ts";
import { MAX_LICENCE_BYTES } from "../../consent/licence_store.ts";
import {
  MAX_BODY_BYTES,
  MAX_CONNECTIONS,
  MAX_HEAD_BYTES,
  REQUEST_TIMEOUT_MS,
} from "../../web/capped_server.ts";
import { PIPE_GRACE_MS, SWEEP_AGAIN_MS } from "../../plugins/process_group.ts";
import { MAX_FRAME_BYTES, MAX_LOG_LINES } from "../../plugins/host.ts";
import { MAX_HOST_STDERR, MAX_HOST_STDOUT } from "../../plugins/host_spawn.ts";

const size = (n: number) =>
  n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n / 1024} KiB`;

Deno.test("docs/limits.md states every limit the code enforces", async () => {
  const doc = await Deno.readTextFile(new URL("../../docs/limits.md", import.meta.url));
  const said = (text: string, what: string) => assert.ok(doc.includes(text), `${what}: "${text}"`);
  said(`${MAX_JSON_DEPTH} levels`, "MAX_JSON_DEPTH");
  said(`${MAX_RESULT_DEPTH} levels`, "MAX_RESULT_DEPTH");
  for (const [k, v] of Object.entries(INPUT_LIMITS)) said(size(v), `INPUT_LIMITS.${k}`);
  said(size(MAX_LICENCE_BYTES), "MAX_LICENCE_BYTES");
  assert.equal(MAX_DURATION_MS, 3_600_000);
  said("1 ms … 1 hour", "MAX_DURATION_MS");
  said(`at most ${MAX_LISTED_ISSUES} issues, each cut to ${MAX_ISSUE_CHARS} characters`, "issues");
  said(`at most ${MAX_PLUGINS} plugins`, "MAX_PLUGINS");
  said(`| ${MAX_CONNECTIONS}  `, "MAX_CONNECTIONS");
  said(`${REQUEST_TIMEOUT_MS / 1000} s`, "REQUEST_TIMEOUT_MS");
  said(size(MAX_HEAD_BYTES), "MAX_HEAD_BYTES");
  said(size(MAX_BODY_BYTES), "MAX_BODY_BYTES");
  said(size(MAX_FRAME_BYTES), "MAX_FRAME_BYTES");
  assert.equal(MAX_HOST_STDOUT, MAX_HOST_STDERR);
  said(`${size(MAX_HOST_STDOUT)} each`, "MAX_HOST_STDOUT");
  said(`| ${MAX_LOG_LINES} `, "MAX_LOG_LINES");
  said(`${PIPE_GRACE_MS / 1000} s`, "PIPE_GRACE_MS");
  said(`${SWEEP_AGAIN_MS} ms later`, "SWEEP_AGAIN_MS");
});
