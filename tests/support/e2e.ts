// What the end-to-end tests (tests/e2e) share: the device profiles, a
// browser whose pages report their uncaught errors, axe-core run on a page
// as it stands, and small waits on the trainee screens.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** How long a test waits for something to show on a screen. */
export const WAIT = 15_000;

export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};
export const LAPTOP = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' };
export const BIG_SCREEN = { viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' };

type ContextOptions = Parameters<Browser['newContext']>[0];

/** Opens pages in their own browser contexts and collects every page's uncaught errors. */
export class Screens {
  readonly contexts: BrowserContext[] = [];
  readonly pageErrors: string[] = [];

  constructor(private readonly browser: Browser) {}

  async open(options: ContextOptions, label: string): Promise<Page> {
    const context = await this.browser.newContext(options);
    this.contexts.push(context);
    const page = await context.newPage();
    this.watch(page, label);
    return page;
  }

  watch(page: Page, label: string): void {
    page.on('pageerror', (e) => this.pageErrors.push(`${label}: ${e.message}`));
  }
}

// axe is evaluated through the DevTools protocol, which the page's CSP
// (script-src 'self') does not govern: no bypassCSP needed.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core on the screens of one test: fails on serious or critical violations, reports the rest at the end. */
export class Axe {
  private readonly screens: string[] = [];
  private readonly findings: { screen: string; id: string; impact: string; help: string; nodes: number }[] =
    [];

  /** Runs axe on the page as it stands. */
  async check(page: Page, screen: string): Promise<void> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
    const { violations } = await page.evaluate(
      () =>
        (
          window as unknown as {
            axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
          }
        ).axe.run(document, { resultTypes: ['violations'] }) as Promise<{ violations: AxeViolation[] }>,
    );
    this.screens.push(screen);
    for (const v of violations) {
      this.findings.push({
        screen,
        id: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        nodes: v.nodes.length,
      });
    }
    const blocking = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
      );
    expect(blocking, `axe on ${screen}`).toEqual([]);
  }

  /** Prints the screens axe ran on and every finding below serious. */
  report(): void {
    console.log(`axe ran on ${this.screens.length} screens: ${this.screens.join(' · ')}`);
    const minor = this.findings.filter((r) => r.impact !== 'serious' && r.impact !== 'critical');
    console.log(minor.length > 0 ? 'axe findings below serious:' : 'axe: no findings at any impact');
    for (const r of minor) console.log(`  ${r.screen}: ${r.impact} ${r.id} (${r.nodes} nodes) — ${r.help}`);
  }
}

/** The seat a trainee's page keeps in localStorage after joining. */
export const seatOf = (page: Page) =>
  page.evaluate(
    () =>
      JSON.parse(localStorage.getItem('civic-rehearsal.seat') ?? 'null') as {
        participantId: string;
        resumeToken: string;
      } | null,
  );

/** Waits until a trainee or facilitator screen shows the meeting in `phase`. */
export const phaseIs = (page: Page, phase: string) =>
  page.locator(`[data-testid="phase"][data-phase="${phase}"]`).waitFor({ timeout: WAIT });

/** Casts a trainee's ballot by tap and waits for the server to count it (the pressed option is the server's, not the tap's). */
export async function castOnScreen(page: Page, choice: string): Promise<void> {
  await page.getByTestId(`ballot-option-${choice}`).click();
  await page
    .locator(`[data-testid="ballot-option-${choice}"][aria-pressed="true"]`)
    .waitFor({ timeout: WAIT });
}

/** Prints "[12.3s] what" from the moment it was created. */
export function stepper(): (what: string) => void {
  const started = Date.now();
  return (what) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${what}`);
}
