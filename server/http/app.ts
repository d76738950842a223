// The Express application: security headers, the API, and the built client.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type ErrorRequestHandler } from 'express';
import type { JoinAddresses } from '../../shared/join/join-address.ts';
import { ERROR_CODES, errorBody } from '../../shared/protocol/errors.ts';
import type { Accounts } from '../auth/accounts.ts';
import { authenticate, type CsrfTools } from '../auth/request-auth.ts';
import type { Logger } from '../logger.ts';
import type { GroupsStore } from '../roster/groups-store.ts';
import type { PeopleStore } from '../roster/people-store.ts';
import type { PersonalData } from '../roster/personal-data.ts';
import type { SeatLinkDb } from '../roster/seat-links.ts';
import type { ScenarioLibrary } from '../scenarios/library.ts';
import type { Studio } from '../scenarios/studio.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import { accountRoutes } from './account-routes.ts';
import { clientFiles } from './client-files.ts';
import { exportRoutes } from './export-routes.ts';
import { groupRoutes } from './group-routes.ts';
import { GuessGuard } from './guess-guard.ts';
import { joinAddressRoutes } from './join-addresses.ts';
import { personJoinRoutes } from './person-join-routes.ts';
import { portfolioRoutes } from './portfolio-routes.ts';
import { rosterRoutes } from './roster-routes.ts';
import { scenarioRoutes } from './scenario-routes.ts';
import { securityHeaders } from './security-headers.ts';
import { sessionRoutes } from './session-routes.ts';
import { studioRoutes } from './studio-routes.ts';

export interface AppDeps {
  library: ScenarioLibrary;
  version: string;
  clientDir: string;
  logger: Logger;
  registry: SessionRegistry;
  accounts: Accounts;
  csrf: CsrfTools;
  /** Express's "trust proxy": behind a proxy, req.secure and req.ip come from its X-Forwarded-* headers. */
  trustProxy?: boolean | number | string;
  /** The authoring studio's library (scenarios stored as versions). */
  studio?: Studio;
  /** PUBLIC_URL and the LAN addresses, for the console's join link. */
  joinAddresses?: () => JoinAddresses;
  now?: () => number;
  /** The roster (docs/roster.md); without it the roster's routes are not served. */
  people?: PeopleStore;
  /** Courses and cohorts, and the database seats are linked to people in; served with the roster. */
  groups?: GroupsStore;
  seatLinks?: SeatLinkDb;
  /** Portfolios, and a person's data exported or deleted (with the roster). */
  personalData?: PersonalData;
}

export function createApp({
  library,
  version,
  clientDir,
  logger,
  registry,
  accounts,
  csrf,
  trustProxy,
  studio,
  joinAddresses = () => ({ publicUrl: null, addresses: [] }),
  now = Date.now,
  people,
  groups,
  seatLinks,
  personalData,
}: AppDeps): express.Express {
  const app = express();
  const startedAt = now();
  app.disable('x-powered-by');
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  app.use(securityHeaders);
  // Who is asking (sign-in cookie or Bearer token), then CSRF for cookie-authenticated changes
  // (the token is a header, so no body needs parsing first).
  app.use(authenticate(accounts), csrf.protect);
  // Before the 64 KB parser: the studio's bodies (whole scenario files) have their own 1 MB limit.
  if (studio) app.use(studioRoutes(studio, registry, accounts));
  app.use(express.json({ limit: '64kb' }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version, uptimeSeconds: Math.round((now() - startedAt) / 1000) });
  });
  app.use(scenarioRoutes(library, studio));
  app.use(accountRoutes(accounts, csrf));
  // One count of failed code checks per address: join codes, joining as oneself, the portfolio.
  const guesses = new GuessGuard(now);
  app.use(sessionRoutes(registry, library, accounts, studio, groups, guesses));
  app.use(exportRoutes(registry, accounts));
  if (people) app.use(rosterRoutes(people, now, registry.timeZone));
  if (people && groups) app.use(groupRoutes(groups, people, registry, now));
  if (people && groups && seatLinks)
    app.use(personJoinRoutes({ registry, people, groups, db: seatLinks, now, guesses }));
  if (people && personalData)
    app.use(
      portfolioRoutes({
        db: personalData.connection,
        registry,
        people,
        personalData,
        accounts,
        now,
        guesses,
      }),
    );
  app.use(joinAddressRoutes(joinAddresses));
  app.use('/api', (_req, res) => {
    res.status(404).json(errorBody(ERROR_CODES.notFound, 'no such API route'));
  });

  if (existsSync(join(clientDir, 'index.html'))) {
    app.use(clientFiles(clientDir));
  } else {
    logger.warn({ clientDir }, 'client not built: run npm run build (npm start does this for you)');
  }

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
    if (error?.type === 'entity.too.large') {
      res.status(413).json(errorBody(ERROR_CODES.tooLarge, 'the request body is too large'));
      return;
    }
    // The parser's own message quotes the body back (a code typed, a name): say what is wrong instead.
    if (error?.type === 'entity.parse.failed') {
      res.status(400).json(errorBody(ERROR_CODES.badRequest, 'the request body is not valid JSON'));
      return;
    }
    if (status >= 500) logger.error({ err: error }, 'request failed');
    // Never a stack trace to a client.
    res
      .status(status)
      .json(
        errorBody(
          status >= 500 ? ERROR_CODES.internal : ERROR_CODES.badRequest,
          status >= 500 ? 'internal error' : String(error.message),
        ),
      );
  };
  app.use(onError);
  return app;
}
