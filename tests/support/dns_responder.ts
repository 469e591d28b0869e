/**
 * A DNS responder on 127.0.0.1 (UDP, port 0) for tests, with the behaviours `dns.compare`
 * must tell apart: healthy, slow, silent, lying (sinkhole answers) and nxdomain.
 *
 * @module
 */
import dns2 from "dns2";

/** How the responder behaves. */
export type ResponderMode = "healthy" | "slow" | "silent" | "lying" | "nxdomain";

/** A running responder. */
export interface Responder {
  port: number;
  /** Queries received, by name. */
  queries: string[];
  close(): Promise<void>;
}

/** Options of {@link startResponder}. */
export interface ResponderOptions {
  /** Delay of `slow` mode in milliseconds. */
  slowMs?: number;
  /** A-record answers by lower-case name; other names get `fallback`. */
  answers?: Record<string, string>;
  /** The answer for names not in `answers`; null answers with no records. */
  fallback?: string | null;
}

/** Starts a responder. */
export async function startResponder(
  mode: ResponderMode,
  opts: ResponderOptions | number = {},
): Promise<Responder> {
  const { slowMs = 400, answers = {}, fallback = "192.0.2.10" } = typeof opts === "number"
    ? { slowMs: opts }
    : opts;
  const queries: string[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const server = dns2.createServer({
    udp: true,
    handle: (req, send) => {
      const q = req.questions[0];
      queries.push(q.name);
      if (mode === "silent") return;
      const res = dns2.Packet.createResponseFromRequest(req);
      const known = answers[q.name.toLowerCase()] ?? fallback;
      if (mode === "nxdomain") res.header.rcode = 3;
      else if (q.type === dns2.Packet.TYPE.A && known !== null) {
        const address = mode === "lying" ? "0.0.0.0" : known;
        const answer = {
          name: q.name,
          type: dns2.Packet.TYPE.A,
          class: dns2.Packet.CLASS.IN,
          ttl: 60,
          address,
        };
        res.answers.push(answer as unknown as (typeof res.answers)[number]); // dns2's types want an encoder we do not need
      }
      if (mode === "slow") {
        const t = setTimeout(() => {
          timers.delete(t);
          send(res);
        }, slowMs);
        timers.add(t);
      } else send(res);
    },
  });
  await server.listen({ udp: { port: 0, address: "127.0.0.1" } });
  return {
    port: server.addresses().udp!.port,
    queries,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      await server.close();
    },
  };
}
