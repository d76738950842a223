// The headers a page gets, by the host it was opened at: plain http at a LAN
// address must get a strict policy that never sends the browser to https,
// and none of the headers Chromium ignores (with a console error) outside a
// secure context; loopback, a secure context, keeps them.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../../support/server-process.ts';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(() => server?.stop());

/** The response headers of GET path, sent to the server as if opened at `host`. */
function headersAt(host: string, path = '/healthz'): Promise<Record<string, string | string[] | undefined>> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.headers);
    });
    req.on('error', reject).end();
  });
}

describe('security headers over plain http', () => {
  it('at a LAN address: a strict policy without upgrade-insecure-requests, no HSTS, no secure-context-only headers', async () => {
    const headers = await headersAt(`192.168.1.20:${server.port}`);
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(headers['cross-origin-opener-policy']).toBeUndefined();
    expect(headers['origin-agent-cluster']).toBeUndefined();
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('at loopback, a secure context: the isolation headers too, still no HSTS', async () => {
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`]) {
      const headers = await headersAt(host);
      expect(headers['cross-origin-opener-policy'], host).toBe('same-origin');
      expect(headers['origin-agent-cluster'], host).toBe('?1');
      expect(headers['strict-transport-security'], host).toBeUndefined();
      expect(String(headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    }
  });
});
