// Security headers that hold on plain http at a LAN address, where phones
// load the app: a strict Content-Security-Policy that never asks for https,
// no HSTS (the server speaks plain http; a TLS proxy in front sets its own),
// and the headers browsers honour only in a secure context sent only where
// the page will be one, since Chromium logs an error for each ignored one.
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { isLoopbackHost } from '../../shared/join/join-address.ts';

const policy = helmet({
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
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
