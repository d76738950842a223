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
async function headersAt(
  host: string,
  path = '/healthz',
): Promise<Record<string, string | string[] | undefined>> {
  return (await getAt(host, path)).headers;
}

function getAt(
  host: string,
  path: string,
): Promise<{ headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ headers: res.headers, body }));
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

  it('styles: only the app’s own files and the <style> elements tagged with this page’s nonce, a new one per page', async () => {
    const host = `192.168.1.20:${server.port}`;
    const nonces: string[] = [];
    for (const path of ['/studio', '/studio']) {
      const { headers, body } = await getAt(host, path);
      const csp = String(headers['content-security-policy']);
      const inPolicy = /style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      const inPage = /<meta name="style-nonce" content="([A-Za-z0-9+/=]+)">/.exec(body)?.[1];
      expect(inPolicy, csp).toBeDefined();
      expect(inPage).toBe(inPolicy);
      expect(csp).not.toContain('unsafe-inline');
      nonces.push(inPage as string);
    }
    // 16 random bytes in base64: 24 characters, never the same twice.
    expect(nonces.map((n) => n.length)).toEqual([24, 24]);
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});
