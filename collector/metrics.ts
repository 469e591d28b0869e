/**
 * The collector's Prometheus metrics: reports ingested, rejected by reason, request latency
 * by route, database errors. Labels are fixed vocabularies (route patterns, error codes,
 * status codes): no tenant, receipt or address ever becomes a label.
 *
 * @module
 */

/** Latency buckets, seconds. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/** Counters and histograms of one instance. */
export class Metrics {
  #ingested = 0;
  #duplicates = 0;
  #withdrawn = 0;
  #dbErrors = 0;
  #rejected = new Map<string, number>();
  #licence = new Map<string, number>();
  #latency = new Map<string, Histogram>();

  /** A report stored (or recognised as a duplicate). */
  ingested(duplicate: boolean): void {
    if (duplicate) this.#duplicates++;
    else this.#ingested++;
  }

  /** An upload refused, by API error code. */
  rejected(code: string): void {
    this.#rejected.set(code, (this.#rejected.get(code) ?? 0) + 1);
  }

  /** An uploaded licence that did not name the tenant, by reason (`revoked`, `bad-signature`…). */
  licenceRefused(reason: string): void {
    this.#licence.set(reason, (this.#licence.get(reason) ?? 0) + 1);
  }

  /** A report withdrawn by its customer. */
  withdrawn(): void {
    this.#withdrawn++;
  }

  /** A database error (transient or not). */
  dbError(): void {
    this.#dbErrors++;
  }

  /** One request's duration, by route pattern, method and status. */
  observe(route: string, method: string, status: number, seconds: number): void {
    const key = `route="${route}",method="${method}",status="${status}"`;
    let h = this.#latency.get(key);
    if (!h) this.#latency.set(key, h = { counts: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 });
    for (const [i, le] of LATENCY_BUCKETS.entries()) if (seconds <= le) h.counts[i]++;
    h.sum += seconds;
    h.count++;
  }

  /** The Prometheus text exposition. */
  render(): string {
    const out: string[] = [];
    const counter = (name: string, help: string, rows: [string, number][]) => {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      for (const [labels, v] of rows) out.push(`${name}${labels ? `{${labels}}` : ""} ${v}`);
    };
    counter("kiriwake_collector_reports_ingested_total", "Reports stored.", [["", this.#ingested]]);
    counter("kiriwake_collector_reports_duplicate_total", "Uploads of a report already stored.", [[
      "",
      this.#duplicates,
    ]]);
    counter(
      "kiriwake_collector_reports_rejected_total",
      "Uploads refused, by reason.",
      [...this.#rejected].sort().map(([code, n]) => [`reason="${code}"`, n]),
    );
    counter(
      "kiriwake_collector_licence_refused_total",
      "Uploaded licences that did not name a tenant, by reason.",
      [...this.#licence].sort().map(([r, n]) => [`reason="${r}"`, n]),
    );
    counter("kiriwake_collector_reports_withdrawn_total", "Reports withdrawn by customers.", [[
      "",
      this.#withdrawn,
    ]]);
    counter("kiriwake_collector_db_errors_total", "Database errors.", [["", this.#dbErrors]]);
    const name = "kiriwake_collector_request_duration_seconds";
    out.push(`# HELP ${name} Request duration.`, `# TYPE ${name} histogram`);
    for (const [labels, h] of [...this.#latency].sort()) {
      for (const [i, le] of LATENCY_BUCKETS.entries()) {
        out.push(`${name}_bucket{${labels},le="${le}"} ${h.counts[i]}`);
      }
      out.push(`${name}_bucket{${labels},le="+Inf"} ${h.count}`);
      out.push(`${name}_sum{${labels}} ${h.sum}`, `${name}_count{${labels}} ${h.count}`);
    }
    return out.join("\n") + "\n";
  }
}
