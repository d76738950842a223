// Rebuilding a session from its log: the meeting and the coaching beside it.
// Used to restore a session after a restart (from a snapshot plus the tail)
// and to show the meeting as it stood at any moment of the debrief timeline.
import { applyCoaching, type CoachingActor } from '../coaching/apply.ts';
import { type CoachingState, emptyCoaching } from '../coaching/state.ts';
import { MeetingSession } from '../meeting/session.ts';
import type { Scenario } from '../scenario/index.ts';
import type { LogEntry } from './entry.ts';

export interface Replayed {
  meeting: MeetingSession;
  coaching: CoachingState;
  seq: number;
}

/** Applies `entries` in order on top of `from` (a restored snapshot), or from the very start. */
export function replayLog(scenario: Scenario, entries: Iterable<LogEntry>, from?: Replayed): Replayed {
  const meeting = from?.meeting ?? MeetingSession.create(scenario);
  let coaching = from?.coaching ?? emptyCoaching();
  let seq = from?.seq ?? 0;
  for (const entry of entries) {
    if (entry.payload.kind === 'meeting') meeting.applyLogged(entry.actor, entry.payload.command, entry.at);
    else {
      const applied = applyCoaching(coaching, entry.actor as CoachingActor, entry.payload.command, {
        at: entry.at,
        participants: new Set(Object.keys(meeting.context.participants)),
        item: entry.payload.item,
        attempt: meeting.context.attempt,
      });
      if (applied.ok) coaching = applied.state;
    }
    seq = entry.seq;
  }
  return { meeting, coaching, seq };
}
