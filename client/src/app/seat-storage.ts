// The trainee's resume token lives in localStorage: after a refresh, or on
// this device next time, the same seat and card come back.
export interface StoredSeat {
  sessionId: string;
  participantId: string;
  resumeToken: string;
  /** The name the trainee joined with and the code they used, to offer "continue as …". */
  name?: string;
  code?: string;
}

const KEY = 'civic-rehearsal.seat';

export function loadSeat(): StoredSeat | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StoredSeat) : null;
  } catch {
    return null;
  }
}

export function saveSeat(seat: StoredSeat): void {
  localStorage.setItem(KEY, JSON.stringify(seat));
}

export function forgetSeat(): void {
  localStorage.removeItem(KEY);
}
