// What a phone downloads, on a real server serving the built client
// (dist/test-client, built by the global setup with the project's Vite
// config): hashed assets precompressed, brotli first, kept for a year; the
// HTML revalidated on every visit; and the plain files still served when
// the precompressed ones are missing.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_CLIENT_DIR } from '../global-setup.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

const YEAR = 'public, max-age=31536000, immutable';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GET with exactly the Accept-Encoding given (fetch would add its own and decompress). */
function get(server: ServerProcess, path: string, acceptEncoding?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject).end();
  });
}

let server: ServerProcess;
let bare: ServerProcess;
let bareDir: string;
let script: string;
let stylesheet: string;

beforeAll(async () => {
  const html = readFileSync(join(BUILT_CLIENT_DIR, 'index.html'), 'utf8');
  script = /<script[^>]+src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1] as string;
  stylesheet = /<link[^>]+href="(\/assets\/index-[^"]+\.css)"/.exec(html)?.[1] as string;
  // The same build without its .br and .gz files.
  bareDir = mkdtempSync(join(tmpdir(), 'civic-bare-client-'));
  cpSync(BUILT_CLIENT_DIR, bareDir, { recursive: true });
  for (const file of readdirSync(bareDir, { recursive: true, encoding: 'utf8' }))
    if (/\.(br|gz)$/.test(file)) rmSync(join(bareDir, file));
  [server, bare] = await Promise.all([startServerProcess(), startServerProcess({ clientDir: bareDir })]);
});
afterAll(async () => {
  await Promise.all([server?.stop(), bare?.stop()]);
  rmSync(bareDir, { recursive: true, force: true });
});

const plain = (path: string) => readFileSync(join(BUILT_CLIENT_DIR, path));

describe('serving the built client', () => {
  it('names the entry script and stylesheet by hash under /assets, with both compressions beside them', () => {
    expect(script).toMatch(/^\/assets\/index-[\w-]{8}\.js$/);
    expect(stylesheet).toMatch(/^\/assets\/index-[\w-]{8}\.css$/);
    for (const ext of ['br', 'gz'])
      expect(readFileSync(join(BUILT_CLIENT_DIR, `${script}.${ext}`)).length).toBeGreaterThan(0);
  });

  it('sends a hashed script brotli-compressed to a browser that takes brotli, cached for a year', async () => {
    const answer = await get(server, script, 'br');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['cache-control']).toBe(YEAR);
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    expect(answer.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(brotliDecompressSync(answer.body).equals(plain(script))).toBe(true);
    // React and the app in the entry chunk: brotli takes it to well under half.
    expect(answer.body.length).toBeLessThan(plain(script).length / 2);
  });

  it('sends gzip to a browser that takes only gzip, and brotli first to one that takes both', async () => {
    const gzip = await get(server, script, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe(YEAR);
    expect(gunzipSync(gzip.body).equals(plain(script))).toBe(true);
    expect((await get(server, script, 'gzip, deflate, br')).headers['content-encoding']).toBe('br');
    const css = await get(server, stylesheet, 'gzip, deflate, br');
    expect(css.headers['content-encoding']).toBe('br');
    expect(css.headers['cache-control']).toBe(YEAR);
    expect(brotliDecompressSync(css.body).equals(plain(stylesheet))).toBe(true);
  });

  it('sends the plain file to a browser that takes neither', async () => {
    const answer = await get(server, script, 'identity');
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.equals(plain(script))).toBe(true);
    expect(answer.headers['cache-control']).toBe(YEAR);
  });

  it('has the HTML revalidated on every visit, at / and at every client route', async () => {
    for (const path of ['/', '/join?code=ABC123', '/facilitator', '/index.html']) {
      const answer = await get(server, path, 'gzip, deflate, br');
      expect(answer.status, path).toBe(200);
      expect(answer.headers['cache-control'], path).toBe('no-cache');
      const html =
        answer.headers['content-encoding'] === 'br' ? brotliDecompressSync(answer.body) : answer.body;
      expect(html.toString(), path).toContain(script);
    }
  });

  it('answers 404, not the app shell, for a hashed file this build does not have', async () => {
    const answer = await get(server, '/assets/index-00000000.js', 'br');
    expect(answer.status).toBe(404);
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.body.toString()).not.toContain('<html');
  });

  it('still serves every file when the precompressed ones are missing', async () => {
    const answer = await get(bare, script, 'gzip, deflate, br');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['cache-control']).toBe(YEAR);
    expect(answer.body.equals(plain(script))).toBe(true);
    expect((await get(bare, '/join', 'br')).body.toString()).toContain(script);
  });
});
