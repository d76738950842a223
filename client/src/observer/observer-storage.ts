// The expert's identity per session lives in app/ (the debrief page reads it too).
export { loadObserver, type StoredObserver, saveObserver } from '../app/observer-storage.ts';

/**
 * A short id made in the browser for tips, markers and messages. getRandomValues,
 * not randomUUID: a classroom server on plain http (not a secure context) has only the former.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 16);
}
