// Settings from the environment, read once at start.
import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  scenariosDir: string;
  /** The built client; served when it exists. */
  clientDir: string;
  logLevel: string;
  /**
   * Where the group commit's transactions run: on the event loop ('inline',
   * the default: faster on a 2-core machine, see docs/benchmarks.md) or on
   * a worker thread ('thread': the event loop never waits for an fsync).
   */
  commitWriter?: 'inline' | 'thread';
  /** How often the server logs its memory and load (0: never). */
  statsIntervalMs?: number;
  /**
   * Express's "trust proxy" (TRUST_PROXY): set it behind a reverse proxy so
   * the sign-in cookie is Secure when the proxy served https, and wrong
   * passwords are counted per client address rather than the proxy's.
   */
  trustProxy?: boolean | number | string;
}

function trustProxyFrom(value: string | undefined): boolean | number | string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, found "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    scenariosDir: resolve(env.SCENARIOS_DIR ?? 'scenarios'),
    clientDir: resolve(env.CLIENT_DIR ?? 'dist/client'),
    logLevel: env.LOG_LEVEL ?? 'info',
    commitWriter: env.COMMIT_WRITER === 'thread' ? 'thread' : 'inline',
    statsIntervalMs: Number(env.STATS_INTERVAL_MS ?? 60_000) || 0,
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
  };
}
