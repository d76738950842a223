// npm run screenshots:studio
//
// The authoring studio's pictures for docs/scenario-format.md and the README,
// in Chinese, on a laptop (1440×900): the library; a duplicated shipped
// scenario with a speaker who is no role, the error at its line; the form;
// a role card previewed as the trainee's phone shows it; try it with its
// minutes and findings. A private server and a fresh build, as
// scripts/screenshots.ts (Chromium at CHROMIUM_PATH, default /usr/bin/chromium).
import type { Page } from 'playwright-core';
import { parseCli } from './cli.ts';
import { exitWhenDone } from './screenshot-drive.ts';
import { LAPTOP, openSignedIn, type ShotServer, shoot, WAIT, withShotServer } from './screenshot-kit.ts';

parseCli({
  name: 'screenshots:studio',
  usage: `usage: npm run screenshots:studio

Builds the client, opens the authoring studio on a private server and writes
its screenshots to docs/screenshots/ (studio-*.png).

  -h, --help   this text`,
  options: {},
});

/** CodeMirror's own search and replace, as an instructor would use it. */
async function replaceAll(page: Page, find: string, replacement: string): Promise<void> {
  await page.locator('.cm-content').first().click();
  await page.keyboard.press('Control+f');
  await page.locator('.cm-search input[name="search"]').fill(find);
  await page.locator('.cm-search input[name="replace"]').fill(replacement);
  await page.locator('.cm-search button[name="replaceAll"]').click();
  await page.keyboard.press('Escape');
}

async function shots({ url, browser }: ShotServer): Promise<void> {
  const page = await (await browser.newContext(LAPTOP)).newPage();
  await openSignedIn(page, url, '/studio');
  await page.locator('.studio-rows li').first().waitFor({ timeout: WAIT });
  await shoot(page, 'studio-library');

  // A copy of the shipped elevator scenario, with a speaker who is no role.
  const row = page.locator('.studio-rows li', { hasText: '兰溪苑12号楼' }).first();
  await row.getByRole('button', { name: '复制为新情景' }).click();
  await page.locator('.cm-content').first().waitFor({ timeout: WAIT });
  await replaceAll(page, 'speakers: [secretary]', 'speakers: [secretry]');
  await page.locator('.studio-issues li[data-code="scenario/unknown_role"]').waitFor({ timeout: WAIT });
  // The editor grows with its text: the cursor back to the start, and the page to the top, where
  // the check lists the error by line.
  await page.locator('.cm-content').first().focus();
  await page.keyboard.press('Control+Home');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('.cm-line', { hasText: 'schema' }).first().waitFor({ timeout: WAIT });
  // Two frames: CodeMirror measures, then paints the lines now in view.
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  await shoot(page, 'studio-source-error');
  await replaceAll(page, 'speakers: [secretry]', 'speakers: [secretary]');

  await page.getByRole('tab', { name: '表单' }).click();
  await page.locator('[data-field]').first().waitFor({ timeout: WAIT });
  await shoot(page, 'studio-form');

  await page.getByRole('tab', { name: '预览' }).click();
  await page.locator('.studio-preview').waitFor({ timeout: WAIT });
  await page.locator('.studio-preview select').first().selectOption('owner_101');
  await page.getByTestId('card-preview-owner_101').waitFor({ timeout: WAIT });
  await shoot(page, 'studio-preview');

  await page.getByRole('tab', { name: '试运行' }).click();
  await page.getByRole('button', { name: '试运行', exact: true }).last().click();
  await page.getByTestId('try-minutes').waitFor({ timeout: 60_000 });
  await shoot(page, 'studio-try-it');
}

exitWhenDone(withShotServer({}, shots));
