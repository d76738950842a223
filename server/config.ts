// Settings from the environment, read once at start.
import { resolve } from 'node:path';
import { parseBaseUrl } from '../shared/join/join-address.ts';
import { DEFAULT_TIME_ZONE, zoneOffsetMs } from '../shared/meeting/minutes-format.ts';

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
  /** Where phones reach the server (PUBLIC_URL, an origin): the join link and QR code use it as it is. */
  publicUrl?: string;
  /**
   * The hosts the console offers for the join link instead of this machine's
   * LAN IPv4 addresses (JOIN_HOSTS): names or addresses, the likeliest first.
   */
  joinHosts?: string[];
  /** The IANA zone every screen and the minutes show times in (default Asia/Shanghai). */
  timeZone?: string;
  /**
   * Express's "trust proxy" (TRUST_PROXY): set it behind a reverse proxy so
   * the sign-in cookie is Secure when the proxy served https, and wrong
   * passwords are counted per client address rather than the proxy's.
   */
  trustProxy?: boolean | number | string;
  /** RETENTION_DAYS: sessions created longer ago are deleted with their people links (unset: kept). */
  retentionDays?: number;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

function publicUrlFrom(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const checked = parseBaseUrl(raw);
  if (!checked.ok) throw new Error(`PUBLIC_URL ${checked.reason}, found "${raw}"`);
  return checked.base;
}

function joinHostsFrom(raw: string | undefined): string[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const hosts = raw
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const bad = hosts.find((h) => !HOST_NAME.test(h));
  if (bad !== undefined)
    throw new Error(`JOIN_HOSTS must be host names or IPv4 addresses separated by commas, found "${bad}"`);
  return hosts;
}

function timeZoneFrom(value: string | undefined): string {
  const zone = value?.trim() || DEFAULT_TIME_ZONE;
  try {
    zoneOffsetMs(Date.now(), zone);
  } catch {
    throw new Error(`TIME_ZONE must be an IANA time zone such as Asia/Shanghai, found "${value}"`);
  }
  return zone;
}

function retentionFrom(value: string | undefined): { retentionDays?: number } {
  if (value === undefined || value.trim() === '') return {};
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(`RETENTION_DAYS must be a whole number of days (1 or more), found "${value}"`);
  }
  return { retentionDays: days };
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
    publicUrl: publicUrlFrom(env.PUBLIC_URL),
    joinHosts: joinHostsFrom(env.JOIN_HOSTS),
    timeZone: timeZoneFrom(env.TIME_ZONE),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    ...retentionFrom(env.RETENTION_DAYS),
  };
}
