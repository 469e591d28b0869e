/**
 * The resolver type shared by DNS probes: the config's resolver entries, validated.
 *
 * @module
 */
import type { z } from "zod";
import type { resolverSchema } from "../config.ts";

/** A DNS server queried directly. */
export type Resolver = z.infer<typeof resolverSchema>;
