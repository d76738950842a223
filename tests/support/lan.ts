// A browser that reaches the test server by a name that is not loopback, as a
// phone on the classroom's Wi-Fi does: Chromium resolves LAN_HOST to
// 127.0.0.1, but the origin is plain http at an ordinary host, so the page
// is not a secure context (127.0.0.1 and localhost would be). Also a watch
// on pages for what a blank page is made of: failed requests, and console
// errors such as Content-Security-Policy refusals.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';

export const LAN_HOST = 'classroom.test';
/** A second name for the same machine, for choosing between addresses. */
export const OTHER_LAN_HOST = 'school.test';

export function launchLanBrowser(): Promise<Browser> {
  return launchBrowser([`--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1, MAP ${OTHER_LAN_HOST} 127.0.0.1`]);
}

/** The URL of a server process's port at a LAN name. */
export const lanUrl = (port: number, host = LAN_HOST) => `http://${host}:${port}`;

/** Collects, for every page watched, failed requests and console errors or security warnings. */
export class NetworkWatch {
  readonly failures: string[] = [];

  watch(page: Page, label: string): void {
    page.on('requestfailed', (request) =>
      this.failures.push(
        `${label}: ${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`,
      ),
    );
    page.on('console', (message) => {
      const text = message.text();
      // Chromium reports refused policies and ignored security headers as errors or warnings.
      const security =
        /Content[- ]Security[- ]Policy|Cross-Origin-Opener-Policy|Origin-Agent-Cluster|Strict-Transport-Security|insecure/i;
      if (message.type() === 'error' || (message.type() === 'warning' && security.test(text)))
        this.failures.push(`${label}: console ${message.type()}: ${text}`);
    });
    page.on('pageerror', (error) => this.failures.push(`${label}: uncaught ${error.message}`));
  }
}

/** What shows that a page is up: not a secure context, visible text, its stylesheet applied. */
export async function pageState(page: Page) {
  return page.evaluate(() => ({
    secure: window.isSecureContext,
    origin: location.origin,
    // biome-ignore lint/performance/useDomNodeTextContent: the text on screen is the point (a blank page has none)
    text: document.body.innerText.trim().length,
    cssRules: Array.from(document.styleSheets).reduce((n, sheet) => n + sheet.cssRules.length, 0),
  }));
}
