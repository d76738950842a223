// Signing in in a real browser, as a person does: the sign-in page, then
// wherever it sends them (`next`, or their start page).
import type { Page } from 'playwright-core';
import { WAIT } from './e2e.ts';

export async function signInAt(
  page: Page,
  url: string,
  login: string,
  password: string,
  next = '',
): Promise<void> {
  await page.goto(`${url}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByTestId('signin-login').waitFor({ timeout: WAIT });
  await page.getByTestId('signin-login').fill(login);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL((u) => u.pathname !== '/sign-in', { timeout: WAIT });
}
