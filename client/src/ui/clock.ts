// Server-synchronised time: countdowns use local time plus the offset the
// last view carried, so every screen in the room shows the same seconds.
import { useEffect, useState } from 'react';
import type { LiveView } from '../../../shared/views/types.ts';
import { useSession } from '../connection/session-store.ts';

/**
 * When the room's clocks stand still: at the pause's start while paused, at
 * the end once the meeting is over (an inject's response window does not run
 * on after the meeting); undefined while the meeting runs.
 */
export function clocksStopAt(live: Pick<LiveView, 'phase' | 'record'>): number | undefined {
  if (live.phase === 'closed' || live.phase === 'debrief') return live.record.endedAt;
  if (live.phase !== 'paused') return undefined;
  const last = live.record.pauses.at(-1);
  return last && last.to === undefined ? last.from : undefined;
}

/** clocksStopAt for the store's view, re-rendering only when the answer changes. */
export function useStopAt(): number | undefined {
  return useSession((s) => (s.live ? clocksStopAt(s.live) : undefined));
}

export function useServerNow(intervalMs = 250): number {
  const offset = useSession((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    setNow(Date.now() + offset);
    const timer = setInterval(() => setNow(Date.now() + offset), intervalMs);
    return () => clearInterval(timer);
  }, [offset, intervalMs]);
  return now;
}

/** 95 000 → "1:35"; negative values are formatted by the caller as overtime. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
