/**
 * The kit's entry with another brand, for tests that need a provider's build (a collector
 * URL and its pin, status keys): `deno run … branded_main.ts ARGS…` with the brand JSON in
 * the file named by `KIRIWAKE_TEST_BRAND`. The brand goes through `loadBrand`, as a build's
 * does. It offers the commands of the provider's entry (`collector_main.ts`: the kit's and
 * the collector's), so one brand file serves both sides of a test. Test code only: a real
 * build embeds its brand (`deno task build --brand FILE`).
 *
 * @module
 */
import { loadBrand } from "../../brand/schema.ts";
import { COLLECTOR_COMMANDS } from "../../collector_main.ts";
import { main } from "../../main.ts";
import { denoIo } from "../../session/command.ts";

const file = Deno.env.get("KIRIWAKE_TEST_BRAND");
if (!file) throw new Error("KIRIWAKE_TEST_BRAND names no brand file");
const brand = loadBrand(JSON.parse(await Deno.readTextFile(file)));
Deno.exit(await main(Deno.args, denoIo(), { brand }, COLLECTOR_COMMANDS));
