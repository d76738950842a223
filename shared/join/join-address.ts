// Which address the join link, its QR code and the projector hand out.
// Phones reach the server only by an address that leads to this machine
// over the room's network: an instructor who opened the console at
// localhost must not send the class to localhost. The server says what it
// knows (PUBLIC_URL, its LAN addresses); the page knows where it was opened
// and which address this browser picked before.

/** What GET /api/join-addresses answers: base URLs such as "http://192.168.1.20:3000". */
export interface JoinAddresses {
  /** The operator's PUBLIC_URL, when set: it wins over everything else. */
  publicUrl: string | null;
  /** The server's LAN addresses with its port, the likeliest first; empty when it has none. */
  addresses: string[];
}

export type JoinBase =
  /** PUBLIC_URL is set: the operator said where phones reach the server. */
  | { kind: 'public_url'; base: string }
  /** The page was opened at an address other devices can use (a LAN address, a name): kept. */
  | { kind: 'page'; base: string }
  /** The page was opened at loopback: a LAN address, the one this browser picked or the likeliest. */
  | { kind: 'lan'; base: string; options: string[] }
  /** Loopback, and the server has no LAN address: only this machine can open the link. */
  | { kind: 'no_lan'; base: string };

/**
 * Whether a host name can only mean this machine (so a link to it is useless
 * to a phone): localhost and *.localhost, 127.0.0.0/8, ::1, and the
 * unspecified 0.0.0.0 and :: that some people type.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '::' || host === '0.0.0.0') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The base URL every link is built on, given where the page is open, what the server knows and this browser's pick. */
export function chooseJoinBase(
  pageOrigin: string,
  available: JoinAddresses,
  preferred: string | null = null,
): JoinBase {
  if (available.publicUrl) return { kind: 'public_url', base: available.publicUrl };
  if (!isLoopbackHost(new URL(pageOrigin).hostname)) return { kind: 'page', base: pageOrigin };
  const [first] = available.addresses;
  if (first === undefined) return { kind: 'no_lan', base: pageOrigin };
  const base = preferred !== null && available.addresses.includes(preferred) ? preferred : first;
  return { kind: 'lan', base, options: available.addresses };
}

export type BaseUrlCheck = { ok: true; base: string } | { ok: false; reason: string };

/** An http(s) origin as PUBLIC_URL must be: "http://host[:port]", a trailing slash allowed, no path. */
export function parseBaseUrl(raw: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'is not a URL like http://192.168.1.20:3000' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: 'must start with http:// or https://' };
  if (url.pathname !== '/' || url.search || url.hash)
    return { ok: false, reason: 'must be an address without a path (the app is served from /)' };
  if (url.username || url.password) return { ok: false, reason: 'must not hold a user name or password' };
  return { ok: true, base: url.origin };
}

/** "192.168.1.20:3000" from "http://192.168.1.20:3000": what a person types on a phone. */
export const hostOf = (base: string): string => new URL(base).host;
