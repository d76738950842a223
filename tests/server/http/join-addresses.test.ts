import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../../server/config.ts';
import {
  baseUrls,
  type Interfaces,
  lanHosts,
  listeningMessage,
} from '../../../server/http/join-addresses.ts';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/24`,
});
const v6 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/64`,
  scopeid: 0,
});

// A laptop as `os.networkInterfaces()` describes it: loopback, a Docker
// bridge listed first, the Wi-Fi with IPv4 and IPv6, a wired port that got
// no DHCP answer, and a VPN.
const LAPTOP: Interfaces = {
  lo: [v4('127.0.0.1', true), v6('::1', true)],
  docker0: [v4('172.17.0.1')],
  wlp2s0: [v4('192.168.1.20'), v6('fe80::1c2b:3aff:fe4d:5e6f')],
  enp3s0: [v4('169.254.10.7')],
  tun0: [v4('10.8.0.3')],
};

describe('lanHosts', () => {
  it('lists every external IPv4 when listening on all addresses, physical interfaces first', () => {
    expect(lanHosts(LAPTOP, '0.0.0.0')).toEqual(['192.168.1.20', '172.17.0.1', '10.8.0.3']);
    expect(lanHosts(LAPTOP, '::')).toEqual(['192.168.1.20', '172.17.0.1', '10.8.0.3']);
  });

  it('leaves out loopback, IPv6 and link-local addresses, and lists an address once', () => {
    expect(
      lanHosts(
        {
          lo: [v4('127.0.0.1', true)],
          eth0: [v4('10.0.0.5'), v4('169.254.1.1'), v6('2001:db8::5')],
          eth0b: [v4('10.0.0.5')],
        },
        '0.0.0.0',
      ),
    ).toEqual(['10.0.0.5']);
  });

  it('has nothing for phones when the machine has no network, or listens on loopback only', () => {
    expect(lanHosts({ lo: [v4('127.0.0.1', true)] }, '0.0.0.0')).toEqual([]);
    expect(lanHosts({}, '0.0.0.0')).toEqual([]);
    expect(lanHosts(LAPTOP, '127.0.0.1')).toEqual([]);
    expect(lanHosts(LAPTOP, 'localhost')).toEqual([]);
  });

  it('gives just the address it listens on when that is one LAN address', () => {
    expect(lanHosts(LAPTOP, '192.168.1.20')).toEqual(['192.168.1.20']);
  });
});

describe('baseUrls', () => {
  it('adds the scheme and the port', () => {
    expect(baseUrls(['192.168.1.20', 'classroom.test'], 3000)).toEqual([
      'http://192.168.1.20:3000',
      'http://classroom.test:3000',
    ]);
  });
});

describe('the start log line', () => {
  it('lists every address phones can open', () => {
    expect(
      listeningMessage(3000, {
        publicUrl: null,
        addresses: ['http://192.168.1.20:3000', 'http://10.8.0.3:3000'],
      }),
    ).toBe(
      'civic rehearsal is listening on port 3000: phones on this network open http://192.168.1.20:3000 or http://10.8.0.3:3000',
    );
  });

  it('gives PUBLIC_URL when it is set', () => {
    expect(
      listeningMessage(3000, {
        publicUrl: 'https://rehearse.example.org',
        addresses: ['http://10.0.0.5:3000'],
      }),
    ).toBe(
      'civic rehearsal is listening on port 3000: phones open https://rehearse.example.org (PUBLIC_URL)',
    );
  });

  it('says how to fix it when no phone can reach the machine', () => {
    const line = listeningMessage(3000, { publicUrl: null, addresses: [] });
    expect(line).toContain('no LAN address');
    expect(line).toContain('PUBLIC_URL');
  });
});

describe('PUBLIC_URL and JOIN_HOSTS settings', () => {
  it('reads them, normalising PUBLIC_URL to an origin', () => {
    const config = configFromEnv({
      PUBLIC_URL: 'http://classroom.test:8080/',
      JOIN_HOSTS: ' 192.168.1.20, school.test ',
    });
    expect(config.publicUrl).toBe('http://classroom.test:8080');
    expect(config.joinHosts).toEqual(['192.168.1.20', 'school.test']);
    expect(configFromEnv({}).publicUrl).toBeUndefined();
    expect(configFromEnv({ PUBLIC_URL: '' }).publicUrl).toBeUndefined();
  });

  it('refuses values phones could not use, with a message naming the setting', () => {
    expect(() => configFromEnv({ PUBLIC_URL: '192.168.1.20:3000' })).toThrow(/^PUBLIC_URL .*http/);
    expect(() => configFromEnv({ PUBLIC_URL: 'http://x.org/app' })).toThrow(/^PUBLIC_URL .*path/);
    expect(() => configFromEnv({ JOIN_HOSTS: 'http://192.168.1.20' })).toThrow(
      /^JOIN_HOSTS .*"http:\/\/192\.168\.1\.20"/,
    );
  });
});
