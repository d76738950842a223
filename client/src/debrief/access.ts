// How the debrief page signs in: the trainee's seat kept on this device, a
// guest expert's observer link token, or the sign-in of an instructor or an
// expert. Guest observers reuse the name the observer screen stored for this
// session (same key), so they stay the same expert; a seat's or link's token
// is the Bearer token of the exports, and a sign-in needs none (the cookie).

import { fileNameFromDisposition } from '../../../shared/export/file-names.ts';
import type { Credentials } from '../../headless/client.ts';
import type { StoredObserver } from '../app/observer-storage.ts';
import type { DebriefAccess } from '../app/router.ts';
import type { StoredSeat } from '../app/seat-storage.ts';

export { loadObserver, type StoredObserver, saveObserver } from '../app/observer-storage.ts';

export type Resolved =
  /** `bearer` is empty for a sign-in: the exports go with the cookie. */
  | { ok: true; credentials: Credentials; bearer: string }
  | { ok: false; reason: 'no_access' | 'no_seat' | 'wrong_seat' | 'need_name' };

export function resolveAccess(
  sessionId: string,
  access: DebriefAccess,
  seat: StoredSeat | null,
  observer: StoredObserver | null,
): Resolved {
  if (!access) return { ok: false, reason: 'no_access' };
  if (access.role === 'trainee') {
    if (!seat) return { ok: false, reason: 'no_seat' };
    if (seat.sessionId !== sessionId) return { ok: false, reason: 'wrong_seat' };
    return {
      ok: true,
      credentials: { role: 'trainee', resumeToken: seat.resumeToken },
      bearer: seat.resumeToken,
    };
  }
  if (access.role === 'instructor')
    return { ok: true, credentials: { role: 'facilitator', sessionId }, bearer: '' };
  if (access.role === 'expert') return { ok: true, credentials: { role: 'expert', sessionId }, bearer: '' };
  if (!observer) return { ok: false, reason: 'need_name' };
  return {
    ok: true,
    credentials: {
      role: 'observer',
      sessionId,
      token: access.token,
      name: observer.name,
      ...(observer.observerId && { observerId: observer.observerId }),
    },
    bearer: access.token,
  };
}

/** Downloads an export (with the Bearer token, or the sign-in cookie): fetch, then a Blob behind a temporary link. */
export async function download(url: string, bearer: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, {
    credentials: 'same-origin',
    ...(bearer && { headers: { authorization: `Bearer ${bearer}` } }),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = fileNameFromDisposition(disposition) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
