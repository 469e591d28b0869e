/**
 * The customer's download budget, and how a build here estimates the real binary's size.
 *
 * A binary is the Deno runtime (denort) plus the kit's payload. Here denort cannot be
 * downloaded, so the build runs with `DENORT_BIN` set to the deno CLI: the payload is then
 * measured exactly (output size minus the CLI's size), and the runtime is estimated:
 *
 * - the deno 2.9.6 CLI of each target, measured from the npm packages `@deno/<platform>@2.9.6`
 *   (the same binaries the release ships);
 * - times 0.751, the ratio of denort to deno measured on Alpine's packages of Deno 2.0.6
 *   for x86_64 (denort installed size 65.3 MiB, deno 87.0 MiB): the latest pair of sizes
 *   published for one version that could be read from here.
 *
 * The release workflow measures the real binaries on their own runners and holds them to
 * the same budget (`deno task build --max-bytes`), so a wrong estimate shows there.
 *
 * @module
 */
import type { Target } from "./compile_args.ts";

/** The budget of one customer binary: 80 MiB. */
export const BUDGET_BYTES = 80 * 1024 * 1024;

/** The size in bytes of the deno 2.9.6 CLI per target (npm `@deno/*@2.9.6`). */
export const DENO_CLI_BYTES: Record<Target, number> = {
  "x86_64-pc-windows-msvc": 97_316_640,
  "x86_64-apple-darwin": 97_693_344,
  "aarch64-apple-darwin": 80_915_104,
  "x86_64-unknown-linux-gnu": 95_600_728,
  "aarch64-unknown-linux-gnu": 84_905_856,
};

/** denort's size as a share of the CLI's (Alpine, Deno 2.0.6, x86_64: 65.3 / 87.0 MiB). */
export const DENORT_SHARE = 65.3 / 87.0;

/** The estimated size of denort 2.9.6 for `target`, in bytes. */
export function denortEstimate(target: Target): number {
  return Math.round(DENO_CLI_BYTES[target] * DENORT_SHARE);
}

/** The estimated size of the real binary for `target`, given the measured payload. */
export function binaryEstimate(target: Target, payloadBytes: number): number {
  return denortEstimate(target) + payloadBytes;
}
