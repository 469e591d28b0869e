/**
 * Classifies the free text that ping and tracert print for failed probes, in the
 * languages customers actually paste (English, Japanese, and the other Windows and iputils
 * translations seen in public samples). Matching is by fragments, so a reworded message in
 * a new OS release still lands in the right class more often than not.
 *
 * @module
 */

/** What went wrong with one probe or one ping run. */
export type PingErrorKind =
  | "unreachable"
  | "ttl-exceeded"
  | "frag-needed"
  | "no-route"
  | "unknown-host"
  | "permission-denied"
  | "usage"
  | "other";

const FRAG =
  /frag(mentation)? needed|needs to be fragmented|packet too big|message too long|断片化が必要|パケットが大きすぎます|メッセージが長すぎます|muss fragmentiert|doit être fragmenté|需要分段|需要拆分/i;
const TTL =
  /time to live exceeded|ttl expired|time exceeded|hop limit|TTL が期限切れ|TTLを超過|時間超過|TTL abgelaufen|TTL expiré|TTL 在傳輸時過期|TTL 传输中过期|TTL wygasł|Превышен срок жизни/i;
const UNREACHABLE =
  /unreachable|no route|prohibited|filtered|到達できません|届きません|禁止|ルートがありません|nicht erreichbar|inaccessible|injoignable|無法連線|无法访问|nieosiągalny|недоступ/i;
const NO_ROUTE_LOCAL =
  /network is unreachable|network unreachable|no route to host|host is down|general failure|一般エラー|transmit failed|送信に失敗/i;
const UNKNOWN_HOST =
  /unknown host|cannot resolve|name or service not known|temporary failure in name resolution|nodename nor servname|bad address|could not find host|見つかりませんでした|konnte Host|n'a pas trouvé l'hôte|找不到主機|找不到主机|nie może odnaleźć|не удалось обнаружить|unable to resolve|解決できませんでした/i;
const PERMISSION =
  /permission denied|operation not permitted|are you root|アクセスが拒否|access is denied/i;
const USAGE =
  /interval too short|invalid (argument|option)|bad option|illegal option|unknown option|usage:|invalid timing|無効な引数|不正な/i;
const TIMEOUT =
  /timed out|request timeout|no answer yet|タイムアウト|未応答|Zeitüberschreitung|délai d'attente|limit czasu|превышен интервал|逾時|超时|tiempo de espera/i;

/** The path MTU a message quotes, e.g. `(mtu = 1400)`, `mtu: 1400`, `(MTU 1400)`. */
export function quotedMtu(text: string): number | null {
  const m = text.match(/mtu\s*[=:]?\s*(\d{3,5})/i);
  return m ? Number(m[1]) : null;
}

/** True when `text` says a probe got no answer in time. */
export function isTimeoutText(text: string): boolean {
  return TIMEOUT.test(text);
}

/**
 * Classifies an error reply that came from a router or the target (ICMP error), e.g.
 * "Destination Host Unreachable" or "宛先ホストに到達できません。".
 */
export function classifyRemote(text: string): PingErrorKind {
  if (FRAG.test(text)) return "frag-needed";
  if (TTL.test(text)) return "ttl-exceeded";
  if (UNREACHABLE.test(text)) return "unreachable";
  return "other";
}

/**
 * Classifies a message the ping program printed about itself, e.g.
 * "ping: sendmsg: Network is unreachable" or "Ping request could not find host x".
 */
export function classifyLocal(text: string): PingErrorKind {
  if (USAGE.test(text)) return "usage";
  if (FRAG.test(text)) return "frag-needed";
  if (UNKNOWN_HOST.test(text)) return "unknown-host";
  if (PERMISSION.test(text)) return "permission-denied";
  if (NO_ROUTE_LOCAL.test(text)) return "no-route";
  return "other";
}

/** True when a line without an address still reads as a known local ping failure. */
export function isKnownLocalText(text: string): boolean {
  return classifyLocal(text) !== "other";
}
