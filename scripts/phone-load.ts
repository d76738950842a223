// npm run phone-load [-- --runs N --profile slow4g|3g|all --client-dir DIR]
//
// How long a trainee's phone waits on a slow network. Builds the client
// (or serves --client-dir), starts the real server on a free port, opens an
// elevator-coordination session and runs it with a headless class, then, for
// each network profile, opens the join link in a fresh phone-sized Chromium
// context (empty cache) throttled through the DevTools protocol
// (Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate) and
// measures, in the page's own clock:
//   join-to-usable        from the navigation to the join form on screen
//                         (a client-rendered page: on screen means its handlers are attached)
//   join-to-meeting-view  from pressing "join" to the running meeting shown
// Prints each run and the medians. Run by hand: its figures go to
// docs/benchmarks.md, no test times anything.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { HeadlessClient } from '../client/headless/client.ts';
import { startServer } from '../server/main.ts';
import type { AnyCommand } from '../shared/protocol/messages.ts';
import { launchBrowser } from './chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SCENARIO = 'elevator-coordination';
/** The script drives the management API with an API token (API_TOKEN), as scripts do. */
const API_TOKEN = 'crt_phone-load-api-token-00000000000000';
const CLASS_SIZE = 7;
const WAIT_MS = 120_000;

export interface NetworkProfile {
  label: string;
  /** Bits per second, as network speeds are quoted. */
  downBps: number;
  upBps: number;
  rttMs: number;
  cpuSlowdown: number;
}

export const PROFILES: Record<string, NetworkProfile> = {
  slow4g: { label: 'slow 4G', downBps: 1_600_000, upBps: 750_000, rttMs: 150, cpuSlowdown: 4 },
  '3g': { label: '3G', downBps: 400_000, upBps: 400_000, rttMs: 400, cpuSlowdown: 6 },
};

const USAGE = `usage: npm run phone-load -- [--runs N] [--profile slow4g|3g|all] [--client-dir DIR]
  --runs N          runs per profile, each in a fresh browser context (default 5)
  --profile P       slow4g (1.6 Mbps down, 750 kbps up, 150 ms RTT, 4x CPU),
                    3g (400 kbps, 400 ms RTT, 6x CPU) or all (default)
  --client-dir DIR  serve this built client instead of building one into a temporary folder
  --help            this text`;

interface Options {
  runs: number;
  profiles: NetworkProfile[];
  clientDir: string | undefined;
}

/** The command line, or a one-line reason it is wrong. */
export function parsePhoneLoadArgs(
  argv: string[],
): { options: Options } | { help: true } | { error: string } {
  let values: { runs?: string; profile?: string; 'client-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        runs: { type: 'string' },
        profile: { type: 'string' },
        'client-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (values.help) return { help: true };
  const runs = Number(values.runs ?? 5);
  if (!Number.isInteger(runs) || runs < 1)
    return { error: `--runs must be a whole number ≥ 1, found "${values.runs}"` };
  const profile = values.profile ?? 'all';
  const chosen = profile === 'all' ? Object.values(PROFILES) : PROFILES[profile];
  if (!chosen) return { error: `--profile must be slow4g, 3g or all, found "${profile}"` };
  return {
    options: {
      runs,
      profiles: Array.isArray(chosen) ? chosen : [chosen],
      clientDir: values['client-dir'] && resolve(values['client-dir']),
    },
  };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

async function ok(client: HeadlessClient, command: AnyCommand): Promise<void> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type}: ${ack.error.code} ${ack.error.message}`);
}

/** A running meeting: the facilitator's session, a headless class on the cards, the chair has begun. */
async function runningSession(url: string): Promise<{ code: string; clients: HeadlessClient[] }> {
  const res = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_TOKEN}` },
    body: JSON.stringify({ scenarioId: SCENARIO }),
  });
  if (res.status !== 201) throw new Error(`could not create a session: ${res.status} ${await res.text()}`);
  const created = (await res.json()) as { sessionId: string; joinCode: string };
  const host = await HeadlessClient.connect(url, {
    role: 'facilitator',
    sessionId: created.sessionId,
    apiToken: API_TOKEN,
  });
  const clients = [host];
  for (let i = 1; i <= CLASS_SIZE; i++) {
    clients.push((await HeadlessClient.join(url, created.joinCode, `学员${i}`)).client);
  }
  await ok(host, { type: 'cards.balance' });
  const trainees = clients.slice(1);
  await Promise.all(trainees.map((c) => c.until((live) => live.me?.card != null)));
  await ok(host, { type: 'meeting.start' });
  const roles = host.static?.kind === 'full' ? host.static.scenario.roles : [];
  const chair = trainees.find((c) => roles.find((r) => r.id === c.live?.me?.card?.id)?.chair);
  if (!chair) throw new Error('no trainee holds the chair card');
  await ok(chair, { type: 'meeting.begin' });
  await host.until((live) => live.phase === 'running');
  return { code: created.joinCode, clients };
}

// Runs in the page before its own scripts: notes, in the page's clock
// (milliseconds from the navigation), when the join form first shows, when
// it is submitted and when the running meeting first shows.
const MARKS_SCRIPT = `(() => {
  const marks = (window.__phoneLoad = {});
  const note = (name) => { if (marks[name] === undefined) marks[name] = performance.now(); };
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="join-submit"]:not([disabled])') && document.querySelector('[data-testid="join-name-input"]')) note('usable');
    if (document.querySelector('[data-testid="phase"][data-phase="running"]')) note('meeting');
  }).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('submit', () => note('submit'), true);
})();`;

interface Marks {
  usable?: number;
  submit?: number;
  meeting?: number;
}

type MarkedWindow = { __phoneLoad: Marks };

interface RunFigures {
  usableMs: number;
  meetingMs: number;
  transferredKb: number;
}

async function measureOnce(
  browser: Browser,
  url: string,
  code: string,
  profile: NetworkProfile,
  run: number,
): Promise<RunFigures> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(MARKS_SCRIPT);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.rttMs,
      downloadThroughput: profile.downBps / 8,
      uploadThroughput: profile.upBps / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
    let transferred = 0;
    cdp.on('Network.loadingFinished', (e) => {
      transferred += e.encodedDataLength;
    });
    await page.goto(`${url}/join?code=${code}`, { waitUntil: 'commit', timeout: WAIT_MS });
    // Functions, not strings: a string is evaluated in the page, which its CSP forbids.
    await page.waitForFunction(
      () => (window as unknown as MarkedWindow).__phoneLoad.usable !== undefined,
      null,
      {
        timeout: WAIT_MS,
      },
    );
    await page.getByTestId('join-name-input').fill(`手机${run}`);
    await page.getByTestId('join-submit').click();
    await page.waitForFunction(
      () => (window as unknown as MarkedWindow).__phoneLoad.meeting !== undefined,
      null,
      {
        timeout: WAIT_MS,
      },
    );
    const marks = (await page.evaluate(
      () => (window as unknown as MarkedWindow).__phoneLoad,
    )) as Required<Marks>;
    return {
      usableMs: marks.usable,
      meetingMs: marks.meeting - marks.submit,
      transferredKb: transferred / 1024,
    };
  } finally {
    await context.close();
  }
}

async function main(options: Options): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'civic-phone-load-'));
  let clientDir = options.clientDir;
  if (!clientDir) {
    clientDir = join(work, 'client');
    console.log('building the client…');
    const { build } = await import('vite');
    await build({ logLevel: 'warn', build: { outDir: clientDir, emptyOutDir: true, sourcemap: false } });
  }
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir: join(work, 'data'),
      scenariosDir: join(ROOT, 'scenarios'),
      clientDir,
      logLevel: 'warn',
      statsIntervalMs: 0,
    },
    { ...process.env, API_TOKEN },
  );
  const url = `http://127.0.0.1:${server.port}`;
  let browser: Browser | undefined;
  let clients: HeadlessClient[] = [];
  try {
    const session = await runningSession(url);
    clients = session.clients;
    browser = await launchBrowser();
    console.log(
      `serving ${clientDir} at ${url}; session ${session.code} running; ${options.runs} runs per profile`,
    );
    for (const profile of options.profiles) {
      const results: RunFigures[] = [];
      for (let run = 1; run <= options.runs; run++) {
        const figures = await measureOnce(browser, url, session.code, profile, run);
        results.push(figures);
        console.log(
          `${profile.label.padEnd(8)} run ${run}: join-to-usable ${(figures.usableMs / 1000).toFixed(2)} s, ` +
            `join-to-meeting-view ${(figures.meetingMs / 1000).toFixed(2)} s, ${figures.transferredKb.toFixed(0)} KB transferred`,
        );
      }
      console.log(
        `${profile.label.padEnd(8)} median: join-to-usable ${(median(results.map((r) => r.usableMs)) / 1000).toFixed(2)} s, ` +
          `join-to-meeting-view ${(median(results.map((r) => r.meetingMs)) / 1000).toFixed(2)} s, ` +
          `${median(results.map((r) => r.transferredKb)).toFixed(0)} KB transferred`,
      );
    }
  } finally {
    for (const client of clients) client.close();
    await browser?.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const parsed = parsePhoneLoadArgs(process.argv.slice(2));
  if ('help' in parsed) {
    console.log(USAGE);
  } else if ('error' in parsed) {
    console.error(`phone-load: ${parsed.error} (see --help)`);
    process.exitCode = 2;
  } else {
    main(parsed.options).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`phone-load: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  }
}
