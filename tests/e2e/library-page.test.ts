import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServerProcess(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function libraryTitles(locale: string) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url);
  await page.locator('.scenario-card h3').first().waitFor();
  const heading = await page.locator('#library-heading').textContent();
  const titles = await page.locator('.scenario-card h3').allTextContents();
  const lang = await page.evaluate(() => document.documentElement.lang);
  await context.close();
  return { heading, titles, lang, errors };
}

describe('library page in a real browser', () => {
  it('lists the shipped scenarios in Chinese for a Chinese browser', async () => {
    const { heading, titles, lang, errors } = await libraryTitles('zh-CN');
    expect(errors).toEqual([]);
    expect(heading).toBe('情景库');
    expect(lang).toBe('zh-CN');
    expect(titles.length).toBeGreaterThanOrEqual(5);
    expect(titles.every((t) => /[\u4e00-\u9fff]/.test(t))).toBe(true);
  });

  it('lists them in English for an English browser, and the switch changes language', async () => {
    const { heading, titles, lang } = await libraryTitles('en-GB');
    expect(heading).toBe('Scenario library');
    expect(lang).toBe('en');
    expect(titles.some((t) => /[\u4e00-\u9fff]/.test(t))).toBe(false);

    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('#library-heading').textContent()).toBe('情景库');
    await page.reload();
    await expect.poll(() => page.locator('#library-heading').textContent()).toBe('情景库');
    await context.close();
  });
});
