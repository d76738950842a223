// Who this expert is in a session: the name they gave and the observer id the
// server assigned, kept per session so a returning observer is the same one
// (their tips, markers and scores stay theirs).
export interface StoredObserver {
  name: string;
  observerId?: string;
}

const key = (sessionId: string) => `civic-rehearsal.observer.${sessionId}`;

export function loadObserver(sessionId: string): StoredObserver | null {
  try {
    const raw = localStorage.getItem(key(sessionId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredObserver>;
    if (typeof parsed.name !== 'string' || parsed.name.trim() === '') return null;
    return {
      name: parsed.name,
      ...(typeof parsed.observerId === 'string' && { observerId: parsed.observerId }),
    };
  } catch {
    return null;
  }
}

export function saveObserver(sessionId: string, observer: StoredObserver): void {
  try {
    localStorage.setItem(key(sessionId), JSON.stringify(observer));
  } catch {
    // Private mode: the name lasts for this page only.
  }
}
