/**
 * The shape of parsed routing tables: only what fault isolation needs, the default routes.
 *
 * @module
 */

/** A default route through a gateway. Keys are left out when the table does not show them. */
export interface DefaultRoute {
  family: 4 | 6;
  /** The next hop; an IPv6 link-local gateway may carry its zone (`fe80::1%en0`). */
  gateway: string;
  /**
   * The outgoing interface: its name (Linux, macOS), or on Windows its own IPv4 address
   * (the "Interface" column of `route print`) or, for IPv6, its name from the interface list.
   */
  interface?: string;
  /** Windows interface index, needed as the zone of a link-local gateway (`fe80::1%12`). */
  ifIndex?: number;
  metric?: number;
  /** macOS: bound to one interface (flag `I`), used only by traffic on that interface. */
  scoped?: true;
  /**
   * The table printed a name instead of the address (`route`, `netstat -r` without `-n`:
   * `gateway`, `_gateway`, a DNS name): `gateway` holds that name.
   */
  byName?: true;
  /**
   * The gateway filled its column exactly, so the table may have cut it short (macOS
   * `netstat -r` cuts at 18 characters, Linux `route` at 15): do not trust it as an address.
   */
  truncated?: true;
}

/** A default route straight out of an interface, without a gateway (PPP, tunnels). */
export interface OnLinkDefault {
  family: 4 | 6 | null;
  interface: string;
}

/** Parsed default routes. */
export interface RoutesResult {
  /** Which table format was read. */
  format:
    | "windows-route-print"
    | "bsd-netstat"
    | "bsd-route-get"
    | "ip-json"
    | "ip-route"
    | "linux-route-n";
  /** Default routes through a gateway, in table order. */
  routes: DefaultRoute[];
  onLink: OnLinkDefault[];
}
