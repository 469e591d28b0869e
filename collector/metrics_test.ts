import assert from "node:assert/strict";
import { Metrics } from "./metrics.ts";

Deno.test("Metrics.render() writes Prometheus text with counters by reason and a latency histogram", () => {
  const m = new Metrics();
  m.ingested(false);
  m.ingested(false);
  m.ingested(true);
  m.rejected("digest");
  m.rejected("schema");
  m.rejected("digest");
  m.observe("/v1/reports", "POST", 201, 0.02);
  m.observe("/v1/reports", "POST", 201, 0.3);
  const text = m.render();
  assert.match(text, /^kiriwake_collector_reports_ingested_total 2$/m);
  assert.match(text, /^kiriwake_collector_reports_duplicate_total 1$/m);
  assert.match(text, /^kiriwake_collector_reports_rejected_total\{reason="digest"\} 2$/m);
  assert.match(text, /^# TYPE kiriwake_collector_request_duration_seconds histogram$/m);
  const bucket = (le: string) =>
    text.match(
      new RegExp(
        `request_duration_seconds_bucket\\{route="/v1/reports",method="POST",status="201",le="${le}"\\} (\\d+)`,
      ),
    )?.[1];
  assert.equal(bucket("0.025"), "1");
  assert.equal(bucket("0.5"), "2");
  assert.equal(bucket("\\+Inf"), "2");
  assert.match(text, /_count\{route="\/v1\/reports",method="POST",status="201"\} 2/);
});
