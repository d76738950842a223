// How an account error reads on screen: the code's words, with the wait when
// the server gave one.
import type { TFunction } from 'i18next';
import { timeFormat, useServerZone } from '../ui/time.ts';
import { ApiError } from './api.ts';

export function signInProblem(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('accounts.signIn.failed', { message: (error as Error).message });
  const seconds = Math.ceil((error.retryAfterMs ?? 0) / 1000);
  switch (error.code) {
    case 'auth/bad_credentials':
      return t('accounts.signIn.wrong');
    case 'auth/slow_down':
      return t('accounts.signIn.slowDown', { seconds: Math.max(1, seconds) });
    case 'auth/locked':
      return t('accounts.signIn.locked', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    case 'auth/account_disabled':
      return t('accounts.signIn.disabled');
    default:
      return t('accounts.signIn.failed', { message: errorWords(t, error) });
  }
}

/** An API error in words: its code's text when there is one, else the server's message. */
export function errorWords(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) return t(`errors.${error.code}`, { defaultValue: error.message });
  return (error as Error).message;
}

/** A date and time as every screen shows them: in the server's time zone (ui/time.ts), not the device's. */
export function formatWhen(ms: number, language: string): string {
  return timeFormat(language, useServerZone.getState().zone).dateTime(ms);
}
