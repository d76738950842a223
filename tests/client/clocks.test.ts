// Where the room's clocks stand still, as each screen asks it: while paused,
// at the pause; once the meeting is over, at its end (an inject's response
// window, the time since it fired, the item's clock do not run on after the
// meeting); while it runs, nowhere. One helper (ui/clock.ts) that the trainee's
// phone, the console, the observer screen and the projector all import.
import { describe, expect, it } from 'vitest';
import { clocksStopAt } from '../../client/src/ui/clock.ts';
import type { LiveView, Phase } from '../../shared/views/types.ts';

const T0 = Date.UTC(2026, 0, 15, 1, 0, 0);

function view(phase: Phase, record: Partial<LiveView['record']> = {}): LiveView {
  return {
    seq: 1,
    serverNow: T0 + 3_600_000,
    attempt: 1,
    state: phase,
    phase,
    participants: [],
    item: null,
    record: {
      items: [],
      turns: [],
      statements: [],
      turnCount: 0,
      statementCount: 0,
      speaking: {},
      turnsByItem: {},
      ballots: [],
      signups: [],
      actions: [],
      pauses: [],
      ...record,
    },
    injects: [],
    attemptsBefore: 0,
  };
}

describe('clocksStopAt', () => {
  const stopsAt = clocksStopAt;
  it('stops at the end once the meeting is over, closed or in debrief', () => {
    const ended = { startedAt: T0, endedAt: T0 + 1_900_000 };
    expect(stopsAt(view('closed', ended))).toBe(T0 + 1_900_000);
    expect(stopsAt(view('debrief', ended))).toBe(T0 + 1_900_000);
  });

  it('stops at the pause while paused', () => {
    const paused = {
      startedAt: T0,
      pauses: [{ from: T0 + 60_000, to: T0 + 90_000 }, { from: T0 + 600_000 }],
    };
    expect(stopsAt(view('paused', paused))).toBe(T0 + 600_000);
  });

  it('runs while the meeting runs', () => {
    expect(
      stopsAt(view('running', { startedAt: T0, pauses: [{ from: T0, to: T0 + 1000 }] })),
    ).toBeUndefined();
  });
});
