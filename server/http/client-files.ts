// The built client: precompressed files (brotli or gzip, written next to
// each file at build time by vite-plugin-compression2) served by
// express-static-gzip, falling back to the plain file when a compressed one
// is missing or the browser takes neither. Vite names everything under
// /assets by its content hash, so those never change: a phone keeps them a
// year and never asks again. The HTML that names them is revalidated on
// every visit, so a new build reaches phones at once.
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Router } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { ERROR_CODES, errorBody } from '../../shared/protocol/errors.ts';
import { styleNonce } from './security-headers.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const HASHED = /\/assets\/[^/]+$/;

function cacheFor(res: ServerResponse, path: string): void {
  res.setHeader('Cache-Control', HASHED.test(path.replaceAll('\\', '/')) ? IMMUTABLE : REVALIDATE);
}

export function clientFiles(clientDir: string): Router {
  const router = Router();
  router.use(
    expressStaticGzip(clientDir, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: { index: false, setHeaders: cacheFor },
    }),
  );
  // A hashed file that is not there (a page from an older build asking for
  // its chunks): a plain 404, not the app shell under a script's name.
  router.use('/assets', (_req, res) => {
    res.status(404).setHeader('Cache-Control', REVALIDATE);
    res.json(errorBody(ERROR_CODES.notFound, 'no such file in this build of the client'));
  });
  // The client routes by path; every other GET gets the app shell, carrying
  // this response's style nonce (security-headers.ts) for the code that must
  // write a <style> element (CodeMirror in the studio).
  // Read on every request, as sendFile did: a rebuild reaches the next page at once.
  router.get(/.*/, (_req, res, next) => {
    let shell: string;
    try {
      shell = readFileSync(join(clientDir, 'index.html'), 'utf8');
    } catch (error) {
      return next(error);
    }
    res.setHeader('Cache-Control', REVALIDATE);
    res
      .type('html')
      .send(shell.replace('<head>', `<head><meta name="style-nonce" content="${styleNonce(res)}">`));
  });
  return router;
}
