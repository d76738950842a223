// Starts the server: loads the scenario library, then serves HTTP.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { JoinAddresses } from '../shared/join/join-address.ts';
import { formatIssue } from '../shared/scenario/index.ts';
import { AccountStore } from './auth/account-store.ts';
import { Accounts } from './auth/accounts.ts';
import { csrf } from './auth/request-auth.ts';
import { configFromEnv, type ServerConfig } from './config.ts';
import { createApp } from './http/app.ts';
import { baseUrls, lanHosts, listeningMessage } from './http/join-addresses.ts';
import { createLogger } from './logger.ts';
import { GroupsStore } from './roster/groups-store.ts';
import { PeopleStore } from './roster/people-store.ts';
import { DAY_MS, PersonalData } from './roster/personal-data.ts';
import { rosterNamesOf } from './roster/seat-links.ts';
import { ScenarioLibrary } from './scenarios/library.ts';
import { Studio } from './scenarios/studio.ts';
import type { HostDeps } from './sessions/host-types.ts';
import { SessionRegistry } from './sessions/registry.ts';
import { ScoreReleases } from './sessions/score-releases.ts';
import { attachSockets } from './sockets/socket-server.ts';
import { type BatchWriter, InlineWriter, ThreadWriter } from './storage/batch-writer.ts';
import { CommitQueue } from './storage/commit-queue.ts';
import { SqliteStorage } from './storage/sqlite-storage.ts';

/** The package version, from package.json beside server/ (or two levels up from the bundle in dist/server/). */
const VERSION = (() => {
  for (const candidate of ['../package.json', '../../package.json']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
})();

export async function startServer(
  config: ServerConfig = configFromEnv(),
  env: NodeJS.ProcessEnv = process.env,
  /**
   * Test hooks: for the sessions (e.g. a projection that throws for one
   * session); a writer that holds transactions (to open the window in which
   * a command waits for its commit); and the accounts' clock (sign-in expiry,
   * links, wrong-password waits), which tests move instead of sleeping;
   * and the sessions' clock (their deadlines), likewise.
   */
  {
    now,
    wrapWriter,
    ...hooks
  }: Pick<HostDeps, 'wrapProjection' | 'clock'> & {
    now?: () => number;
    wrapWriter?: (writer: BatchWriter) => BatchWriter;
  } = {},
) {
  const logger = createLogger(config.logLevel);
  const library = ScenarioLibrary.load(config.scenariosDir);
  for (const entry of library.all()) {
    if (entry.status === 'invalid') {
      logger.error({ scenario: entry.id, errors: entry.issues.map(formatIssue) }, 'scenario failed to load');
    }
  }
  logger.info(
    { valid: library.all().filter((e) => e.status === 'valid').length, dir: config.scenariosDir },
    'scenarios loaded',
  );

  const restoreStarted = performance.now();
  const file = join(config.dataDir, 'civic-rehearsal.sqlite');
  const storage = SqliteStorage.open(file);
  // Sessions made from a studio version restore from that version, so the studio comes before the restore.
  const studio = new Studio(storage.scenarioStore(), library);
  library.readVersionsFrom((id, version) => studio.scenarioAt(id, version));
  // One group commit for every session: commands arriving together share one fsync.
  const chosen = config.commitWriter === 'thread' ? new ThreadWriter(file) : new InlineWriter(storage);
  const writer = wrapWriter ? wrapWriter(chosen) : chosen;
  const commits = new CommitQueue(writer, logger);
  const registry = new SessionRegistry(storage, library, {
    storage,
    releases: new ScoreReleases(storage.connection),
    rosterNames: (sessionId) => rosterNamesOf(storage, sessionId),
    logger,
    commits,
    ...hooks,
    ...(config.timeZone && { timeZone: config.timeZone }),
  });
  const restored = registry.restoreAll();
  logger.info(
    {
      sessions: restored,
      ms: Math.round(performance.now() - restoreStarted),
      needsAttention: registry.attentionCount,
    },
    'sessions restored',
  );

  const accounts = new Accounts(new AccountStore(storage.connection), {
    logger,
    ...(now && { now }),
  });
  await accounts.bootstrap(env, config.dataDir);
  // Read afresh on each call: the laptop may join the room's Wi-Fi after the server started.
  const joinAddresses = (): JoinAddresses => ({
    publicUrl: config.publicUrl ?? null,
    addresses: baseUrls(
      config.joinHosts ?? lanHosts(networkInterfaces(), config.host),
      (server.address() as AddressInfo).port,
    ),
  });
  const people = new PeopleStore(storage.connection);
  const personalData = new PersonalData(storage, registry, people);
  const retention = config.retentionDays
    ? keepRetention(personalData, config.retentionDays, logger, now ?? Date.now)
    : undefined;
  const app = createApp({
    library,
    version: VERSION,
    clientDir: config.clientDir,
    logger,
    registry,
    accounts,
    csrf: csrf(storage),
    people,
    groups: new GroupsStore(storage.connection),
    seatLinks: storage,
    personalData,
    ...(now && { now }),
    trustProxy: config.trustProxy,
    studio,
    joinAddresses,
  });
  const server = createServer(app);
  const io = attachSockets(server, registry, accounts, logger);
  server.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const stats = config.statsIntervalMs ? logStats(logger, registry, io, config.statsIntervalMs) : undefined;
  const { port } = server.address() as AddressInfo;
  const reachable = joinAddresses();
  logger.info({ port, url: `http://localhost:${port}`, ...reachable }, listeningMessage(port, reachable));
  const close = async () => {
    clearInterval(stats);
    clearInterval(retention);
    registry.stopAll();
    await commits.drain();
    await writer.close();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    storage.close();
  };
  return { port, close, logger, registry, accounts };
}

const LAG_RESOLUTION_MS = 10;

/** A periodic line with the process's memory and load, for operators (and the benchmark). */
function logStats(
  logger: ReturnType<typeof createLogger>,
  registry: SessionRegistry,
  io: ReturnType<typeof attachSockets>,
  everyMs: number,
): NodeJS.Timeout {
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  // How late the event loop runs what is due: the server's own share of any latency.
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  lag.enable();
  // The histogram holds the intervals between the sampling timer's runs: the delay is what exceeds it.
  const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - LAG_RESOLUTION_MS) * 100) / 100);
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    const loop = {
      loopDelayP50Ms: ms(lag.percentile(50)),
      loopDelayP99Ms: ms(lag.percentile(99)),
      loopDelayMaxMs: ms(lag.max),
    };
    lag.reset();
    logger.info(
      {
        ...loop,
        rssMb: mb(m.rss),
        heapUsedMb: mb(m.heapUsed),
        heapTotalMb: mb(m.heapTotal),
        externalMb: mb(m.external),
        arrayBuffersMb: mb(m.arrayBuffers),
        sessions: registry.size,
        failedSessions: registry.failedCount,
        needsAttention: registry.attentionCount,
        sockets: io.engine.clientsCount,
      },
      'stats',
    );
  }, everyMs);
  timer.unref();
  return timer;
}

/**
 * Errors no session caught. Sessions contain their own (SessionHost.fail),
 * so what reaches here is logged and the server keeps serving the others;
 * only a broken database, which no session can be served from, stops it.
 */
export function keepServing(
  logger: ReturnType<typeof createLogger>,
  exit = (code: number) => process.exit(code),
) {
  const fatal = (error: unknown) =>
    /^SQLITE_(CORRUPT|NOTADB|IOERR|FULL|CANTOPEN)/.test(String((error as { code?: unknown })?.code ?? ''));
  const report = (kind: string) => (error: unknown) => {
    logger.error(
      { err: error },
      `${kind}: ${fatal(error) ? 'the database is unusable; stopping' : 'logged; still serving'}`,
    );
    if (fatal(error)) exit(1);
  };
  process.on('uncaughtException', report('uncaught exception'));
  process.on('unhandledRejection', report('unhandled promise rejection'));
}

/** Starts the server and closes it cleanly on SIGINT or SIGTERM. */
export async function runServer(config?: ServerConfig) {
  const running = await startServer(config);
  keepServing(running.logger);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `on`, not `once`: Ctrl-C reaches both npm start's process and this one,
    // which forwards it too; a second signal must not cut the shutdown short.
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      running.logger.info({ signal }, 'shutting down');
      void running.close().then(() => process.exit(0));
    });
  }
  return running;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runServer().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/**
 * RETENTION_DAYS: sessions older than that are deleted, with their people
 * links (docs/roster.md), at start and then twice a day.
 */
function keepRetention(
  personalData: PersonalData,
  days: number,
  logger: ReturnType<typeof createLogger>,
  now: () => number,
): NodeJS.Timeout {
  const run = () =>
    personalData
      .applyRetention(days, now())
      .then((deleted) => {
        if (deleted.length > 0)
          logger.info({ sessions: deleted.length, days }, 'old sessions deleted (retention)');
      })
      .catch((err: unknown) => logger.error({ err }, 'retention failed'));
  void run();
  const timer = setInterval(run, DAY_MS / 2);
  timer.unref();
  return timer;
}
