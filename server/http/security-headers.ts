// Security headers that hold on plain http at a LAN address, where phones
// load the app: a strict Content-Security-Policy that never asks for https,
// no HSTS (the server speaks plain http; a TLS proxy in front sets its own),
// and the headers browsers honour only in a secure context sent only where
// the page will be one, since Chromium logs an error for each ignored one.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { isLoopbackHost } from '../../shared/join/join-address.ts';

const policy = helmet({
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      // Plus one nonce per response: CodeMirror (the studio's editor) writes its
      // layout into a <style> element, which it tags with the page's nonce
      // (client-files.ts hands the nonce to the page). No 'unsafe-inline'.
      'style-src': ["'self'", (_req, res) => `'nonce-${styleNonce(res as ServerResponse)}'`],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'", 'ws:', 'wss:'],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      // Asking the browser to fetch every asset over https blanks a page
      // loaded over plain http at a LAN address.
      'upgrade-insecure-requests': null,
    },
  },
  strictTransportSecurity: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
});

const NONCE = Symbol('style nonce');

/** This response's style nonce, made on first use (the policy and the app shell ask for the same one). */
export function styleNonce(res: ServerResponse): string {
  const holder = res as ServerResponse & { [NONCE]?: string };
  holder[NONCE] ??= randomBytes(16).toString('base64');
  return holder[NONCE];
}

/** Helmet's policy, plus the secure-context-only headers for https and loopback pages. */
export const securityHeaders: RequestHandler = (req, res, next) => {
  policy(req, res, () => {
    if (req.secure || isLoopbackHost(req.hostname)) {
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res.setHeader('Origin-Agent-Cluster', '?1');
    }
    next();
  });
};
