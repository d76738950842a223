// What the screenshot scripts share: where the pictures go, the screens they
// are taken on, the font check, the administrator's sign-in, and a private
// server with a fresh build of the client and Debian's Chromium
// (scripts/screenshots.ts, screenshots-studio.ts, screenshots-portfolio.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
export const OUT = join(ROOT, 'docs/screenshots');
export const WAIT = 15_000;
/** The private server's administrator password and API token (the scripts drive it with both). */
export const ADMIN_PASSWORD = 'screenshots-administrator-password';
export const API_TOKEN = 'crt_screenshots-api-token-0000000000000';
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};
export const LAPTOP = {
  viewport: { width: 1440, height: 900 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};
export const BIG_SCREEN = {
  viewport: { width: 1920, height: 1080 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

export function checkFonts(): void {
  let fonts = '';
  try {
    fonts = execFileSync('fc-list', { encoding: 'utf8' });
  } catch {
    // No fontconfig: say so below.
  }
  if (!/wqy|noto.*cjk/i.test(fonts)) {
    console.warn(
      'Chinese fonts are missing: the screenshots will show boxes instead of characters.\n' +
        '  Install them with: apt-get install -y fonts-wqy-microhei',
    );
  }
}

export async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  console.log(`  ${name}.png  ${Math.round(statSync(path).size / 1024)} KB`);
}

/** Opens `path` on `page` as the administrator, through the sign-in page. */
export async function openSignedIn(page: Page, url: string, path: string): Promise<void> {
  await page.goto(`${url}/sign-in?next=${encodeURIComponent(path)}`);
  await page.getByTestId('signin-login').fill('admin');
  await page.getByTestId('signin-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL((u) => u.pathname === path, { timeout: WAIT });
}

export interface ShotServer {
  url: string;
  browser: Browser;
}

/**
 * Builds the client into a temporary folder, starts the real server on a free
 * port with its own data folder, the administrator password, the API token
 * and `env`, launches Chromium, runs `shots`,
 * and removes everything after.
 */
export async function withShotServer(
  env: Record<string, string>,
  shots: (server: ShotServer) => Promise<void>,
  joinHosts?: string[],
): Promise<void> {
  // Loaded only now: --help and a wrong option answer at once, without Vite, the server or Chromium.
  const [{ build }, { startServer }, { launchBrowser }] = await Promise.all([
    import('vite'),
    import('../server/main.ts'),
    import('./chromium.ts'),
  ]);
  checkFonts();
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'civic-screenshots-'));
  const clientDir = join(work, 'client');
  console.log('building the client…');
  await build({ logLevel: 'warn', build: { outDir: clientDir, emptyOutDir: true, sourcemap: false } });
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir: join(work, 'data'),
      scenariosDir: join(ROOT, 'scenarios'),
      clientDir,
      logLevel: 'warn',
      ...(joinHosts && { joinHosts }),
    },
    { ...process.env, ADMIN_PASSWORD, API_TOKEN, ...env },
  );
  let browser: Browser | undefined;
  try {
    // Hinting off: Chinese text renders the same on every run.
    browser = await launchBrowser(['--font-render-hinting=none']);
    console.log(`writing ${OUT}`);
    await shots({ url: `http://127.0.0.1:${server.port}`, browser });
  } finally {
    await browser?.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
