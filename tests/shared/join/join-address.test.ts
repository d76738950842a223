import { describe, expect, it } from 'vitest';
import {
  chooseJoinBase,
  hostOf,
  isLoopbackHost,
  type JoinAddresses,
  parseBaseUrl,
} from '../../../shared/join/join-address.ts';

const LAN: JoinAddresses = {
  publicUrl: null,
  addresses: ['http://192.168.1.20:3000', 'http://10.8.0.3:3000'],
};
const NO_LAN: JoinAddresses = { publicUrl: null, addresses: [] };
const PUBLIC: JoinAddresses = { ...LAN, publicUrl: 'https://rehearse.example.org' };

describe('isLoopbackHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    'app.localhost',
    'localhost.',
    '127.0.0.1',
    '127.1.2.3',
    '[::1]',
    '::1',
    '0.0.0.0',
    '[::]',
  ])('%s means this machine only', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([
    '192.168.1.20',
    '10.0.0.5',
    'classroom.test',
    'localhost.example.org',
    '128.0.0.1',
    '127.0.0.1.nip.io',
    '[fe80::1]',
  ])('%s is reachable from other devices', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('chooseJoinBase', () => {
  it('uses PUBLIC_URL whenever it is set, wherever the page was opened and whatever was picked', () => {
    for (const origin of ['http://localhost:3000', 'http://192.168.1.20:3000']) {
      expect(chooseJoinBase(origin, PUBLIC, 'http://10.8.0.3:3000')).toEqual({
        kind: 'public_url',
        base: 'https://rehearse.example.org',
      });
    }
  });

  it('keeps a page opened at a LAN address or a name: no rewriting to another address', () => {
    expect(chooseJoinBase('http://10.8.0.3:3000', LAN)).toEqual({
      kind: 'page',
      base: 'http://10.8.0.3:3000',
    });
    expect(chooseJoinBase('http://classroom.test:8080', NO_LAN, 'http://192.168.1.20:3000')).toEqual({
      kind: 'page',
      base: 'http://classroom.test:8080',
    });
  });

  it('swaps loopback for the first LAN address, offering all of them', () => {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      expect(chooseJoinBase(origin, LAN)).toEqual({
        kind: 'lan',
        base: 'http://192.168.1.20:3000',
        options: LAN.addresses,
      });
    }
  });

  it('takes the address this browser picked while the server still has it, else the first', () => {
    expect(chooseJoinBase('http://localhost:3000', LAN, 'http://10.8.0.3:3000').base).toBe(
      'http://10.8.0.3:3000',
    );
    // Yesterday's Wi-Fi address, gone today.
    expect(chooseJoinBase('http://localhost:3000', LAN, 'http://192.168.0.99:3000').base).toBe(
      'http://192.168.1.20:3000',
    );
  });

  it('says when a loopback page has no LAN address to hand out', () => {
    expect(chooseJoinBase('http://localhost:3000', NO_LAN, 'http://192.168.1.20:3000')).toEqual({
      kind: 'no_lan',
      base: 'http://localhost:3000',
    });
  });
});

describe('parseBaseUrl (PUBLIC_URL)', () => {
  it('takes an http or https origin, dropping a trailing slash', () => {
    expect(parseBaseUrl('http://192.168.1.20:3000/')).toEqual({ ok: true, base: 'http://192.168.1.20:3000' });
    expect(parseBaseUrl(' https://rehearse.example.org ')).toEqual({
      ok: true,
      base: 'https://rehearse.example.org',
    });
    expect(parseBaseUrl('http://classroom.test:80')).toEqual({ ok: true, base: 'http://classroom.test' });
  });

  it('refuses what phones could not open, saying why', () => {
    expect(parseBaseUrl('192.168.1.20:3000')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('http'),
    });
    expect(parseBaseUrl('rehearse')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a URL'),
    });
    expect(parseBaseUrl('localhost:3000')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('http://'),
    });
    expect(parseBaseUrl('ftp://x.org')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('http://'),
    });
    expect(parseBaseUrl('http://x.org/rehearsal')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('path'),
    });
    expect(parseBaseUrl('http://x.org/?a=1')).toMatchObject({ ok: false });
    expect(parseBaseUrl('http://me:secret@x.org')).toMatchObject({ ok: false });
  });
});

describe('hostOf', () => {
  it('gives what a person types: host and port', () => {
    expect(hostOf('http://192.168.1.20:3000')).toBe('192.168.1.20:3000');
    expect(hostOf('https://rehearse.example.org')).toBe('rehearse.example.org');
  });
});
