// The addresses phones can use to reach this server, for the start log and
// for GET /api/join-addresses (the console builds its join link and QR code
// from them when it was opened at localhost; shared/join/join-address.ts).
import type { NetworkInterfaceInfo } from 'node:os';
import { Router } from 'express';
import { isLoopbackHost, type JoinAddresses } from '../../shared/join/join-address.ts';
import { allowed } from '../auth/request-auth.ts';

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

// Containers, VMs and VPNs: real addresses, but seldom the classroom's Wi-Fi.
const VIRTUAL =
  /^(docker|br-|veth|virbr|vmnet|vboxnet|vEthernet|tun|tap|utun|wg|zt|tailscale|lxc|lxd|podman|cni|flannel)/i;

/** What a server listens on to take connections at every address. */
const EVERY_ADDRESS = new Set(['', '0.0.0.0', '::']);

/**
 * The IPv4 addresses other devices can reach this server at, given the
 * machine's interfaces and the address it listens on: every external IPv4
 * when it listens on all of them (0.0.0.0 or ::), none when it listens on
 * loopback only, otherwise just the one it listens on. Link-local
 * addresses (169.254.x.x, no DHCP answer) are left out; physical interfaces
 * come before virtual ones.
 */
export function lanHosts(interfaces: Interfaces, listenHost: string): string[] {
  if (!EVERY_ADDRESS.has(listenHost)) return isLoopbackHost(listenHost) ? [] : [listenHost];
  const found: { host: string; virtual: boolean }[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      // Node 18.0–18.3 reported the family as a number.
      const ipv4 = info.family === 'IPv4' || (info.family as unknown) === 4;
      if (!ipv4 || info.internal || info.address.startsWith('169.254.')) continue;
      if (found.some((f) => f.host === info.address)) continue;
      found.push({ host: info.address, virtual: VIRTUAL.test(name) });
    }
  }
  return [...found.filter((f) => !f.virtual), ...found.filter((f) => f.virtual)].map((f) => f.host);
}

/** "http://host:port" for each host (IPv6 literals in brackets). */
export const baseUrls = (hosts: string[], port: number): string[] =>
  hosts.map((host) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`);

/** GET /api/join-addresses: PUBLIC_URL and the LAN addresses, read afresh each time (Wi-Fi comes and goes). */
export function joinAddressRoutes(current: () => JoinAddresses): Router {
  const router = Router();
  router.get('/api/join-addresses', (req, res) => {
    if (!allowed(req, res, 'join.addresses')) return;
    res.set('Cache-Control', 'no-store').json(current());
  });
  return router;
}

/** The start log's line: every address phones can open, or why there is none. */
export function listeningMessage(port: number, { publicUrl, addresses }: JoinAddresses): string {
  const head = `civic rehearsal is listening on port ${port}`;
  if (publicUrl) return `${head}: phones open ${publicUrl} (PUBLIC_URL)`;
  if (addresses.length > 0) return `${head}: phones on this network open ${addresses.join(' or ')}`;
  return (
    `${head}: no LAN address, so only this machine can open http://localhost:${port}; ` +
    'connect it to the room’s network, or set PUBLIC_URL to an address phones can open'
  );
}
