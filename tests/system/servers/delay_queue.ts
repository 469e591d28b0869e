/**
 * A delay for the lab, where the kernel has no `netem`: packets an iptables `NFQUEUE` rule
 * queues are held here for a fixed time, then accepted. It speaks nfnetlink_queue over a
 * netlink socket through libc (Deno FFI), asking for metadata only.
 *
 * `deno run --allow-ffi delay_queue.ts QUEUE MS` inside the namespace of the rule; it prints
 * `ready` once bound and runs until killed. Requires root (CAP_NET_ADMIN) and `--allow-ffi`.
 *
 * @module
 */

const AF_NETLINK = 16;
const SOCK_RAW = 3;
const NETLINK_NETFILTER = 12;
const NFNL_SUBSYS_QUEUE = 3;
const NFQNL_MSG_PACKET = 0;
const NFQNL_MSG_VERDICT = 1;
const NFQNL_MSG_CONFIG = 2;
const NFQA_CFG_CMD = 1;
const NFQA_CFG_PARAMS = 2;
const NFQA_CFG_QUEUE_MAXLEN = 3;
const NFQA_PACKET_HDR = 1;
const NFQA_VERDICT_HDR = 2;
const NFQNL_CFG_CMD_BIND = 1;
const NFQNL_COPY_META = 1;
const NLM_F_REQUEST = 1;
const NF_ACCEPT = 1;
const NLMSG_ERROR = 2;

const libc = Deno.dlopen("libc.so.6", {
  socket: { parameters: ["i32", "i32", "i32"], result: "i32" },
  bind: { parameters: ["i32", "buffer", "u32"], result: "i32" },
  send: { parameters: ["i32", "buffer", "usize", "i32"], result: "isize" },
  recv: { parameters: ["i32", "buffer", "usize", "i32"], result: "isize", nonblocking: true },
});

/** One netlink attribute: length, type, payload, padded to 4 bytes. */
function attr(type: number, payload: Uint8Array): Uint8Array {
  const len = 4 + payload.length;
  const out = new Uint8Array((len + 3) & ~3);
  const v = new DataView(out.buffer);
  v.setUint16(0, len, true);
  v.setUint16(2, type, true);
  out.set(payload, 4);
  return out;
}

/** A nfnetlink message for queue `queue`: nlmsghdr, nfgenmsg, attributes. */
function message(msgType: number, queue: number, attrs: Uint8Array[], seq: number): Uint8Array {
  const body = attrs.reduce((n, a) => n + a.length, 0);
  const out = new Uint8Array(16 + 4 + body);
  const v = new DataView(out.buffer);
  v.setUint32(0, out.length, true);
  v.setUint16(4, (NFNL_SUBSYS_QUEUE << 8) | msgType, true);
  v.setUint16(6, NLM_F_REQUEST, true);
  v.setUint32(8, seq, true);
  v.setUint32(12, 0, true);
  out[16] = 0; // AF_UNSPEC
  out[17] = 0; // NFNETLINK_V0
  v.setUint16(18, queue, false);
  let at = 20;
  for (const a of attrs) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

function be32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, false);
  return b;
}

/** Opens the socket and binds queue `queue` in metadata-only copy mode. */
function open(queue: number): number {
  const fd = libc.symbols.socket(AF_NETLINK, SOCK_RAW, NETLINK_NETFILTER);
  if (fd < 0) throw new Error("Cannot open a netfilter netlink socket");
  const addr = new Uint8Array(12);
  new DataView(addr.buffer).setUint16(0, AF_NETLINK, true);
  if (libc.symbols.bind(fd, addr, addr.length) < 0) {
    throw new Error("Cannot bind the netlink socket");
  }
  const send = (m: Uint8Array) => {
    if (Number(libc.symbols.send(fd, m, BigInt(m.length), 0)) < 0) {
      throw new Error("Cannot configure the queue");
    }
  };
  send(
    message(NFQNL_MSG_CONFIG, queue, [
      attr(NFQA_CFG_CMD, new Uint8Array([NFQNL_CFG_CMD_BIND, 0, 0, 0])),
    ], 1),
  );
  const params = new Uint8Array(5);
  params.set(be32(0xffff), 0);
  params[4] = NFQNL_COPY_META;
  send(message(NFQNL_MSG_CONFIG, queue, [attr(NFQA_CFG_PARAMS, params)], 2));
  send(message(NFQNL_MSG_CONFIG, queue, [attr(NFQA_CFG_QUEUE_MAXLEN, be32(8192))], 3));
  return fd;
}

/** The packet ids in one datagram of queued-packet messages. */
export function packetIds(buf: Uint8Array, length: number): number[] {
  const v = new DataView(buf.buffer, buf.byteOffset, length);
  const ids: number[] = [];
  let at = 0;
  while (at + 16 <= length) {
    const len = v.getUint32(at, true);
    const type = v.getUint16(at + 4, true);
    if (len < 16) break;
    if (type === ((NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET)) {
      let a = at + 20;
      while (a + 4 <= at + len) {
        const alen = v.getUint16(a, true);
        const atype = v.getUint16(a + 2, true) & 0x7fff;
        if (alen < 4) break;
        if (atype === NFQA_PACKET_HDR) ids.push(v.getUint32(a + 4, false));
        a += (alen + 3) & ~3;
      }
    } else if (type === NLMSG_ERROR && v.getInt32(at + 16, true) !== 0) {
      throw new Error(`nfnetlink error ${v.getInt32(at + 16, true)}`);
    }
    at += (len + 3) & ~3;
  }
  return ids;
}

async function main(queue: number, delayMs: number): Promise<void> {
  const fd = open(queue);
  console.log("ready");
  const buf = new Uint8Array(65536);
  let seq = 10;
  for (;;) {
    const n = Number(await libc.symbols.recv(fd, buf, BigInt(buf.length), 0));
    if (n <= 0) continue;
    for (const id of packetIds(buf, n)) {
      setTimeout(() => {
        const hdr = new Uint8Array(8);
        hdr.set(be32(NF_ACCEPT), 0);
        hdr.set(be32(id), 4);
        const m = message(NFQNL_MSG_VERDICT, queue, [attr(NFQA_VERDICT_HDR, hdr)], seq++);
        libc.symbols.send(fd, m, BigInt(m.length), 0);
      }, delayMs);
    }
  }
}

if (import.meta.main) {
  const [queue, ms] = Deno.args.map(Number);
  if (!Number.isInteger(queue) || !(ms >= 0)) {
    console.error("usage: delay_queue.ts QUEUE DELAY_MS");
    Deno.exit(2);
  }
  await main(queue, ms);
}
