// Rebuilding a session from its log: the meeting and the coaching beside it.
// Used to restore a session after a restart (from a snapshot plus the tail)
// and to show the meeting as it stood at any moment of the debrief timeline.
//
// Replay is strict: every entry goes through the same checks as when it was
// accepted, and must land the meeting on the agenda item the log recorded.
// An entry that the current rules refuse, that changes nothing, or that
// leads elsewhere stops the replay with its seq and why, so a session whose
// rules changed under it is never silently turned into a different meeting.
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

/** Why an entry does not replay: `refused` by a rule (its code), `no_change`, or landing on another `item`. */
export interface ReplayRefusal {
  seq: number;
  kind: 'refused' | 'no_change' | 'other_item';
  /** The engine's error code for `refused` (e.g. "command/wrong_state"). */
  code?: string;
  message: string;
}

export type ReplayOutcome =
  | ({ ok: true } & Replayed)
  /** `replayed`: the session as it stood just before the refused entry. */
  | { ok: false; refusal: ReplayRefusal; replayed: Replayed };

/** The agenda item under way, by id, as the log records it. */
export function currentItemId(scenario: Scenario, meeting: MeetingSession): string | null {
  const item = meeting.context.item;
  return item ? (scenario.agenda[item.index]?.id ?? null) : null;
}

/** Applies `entries` in order on top of `from` (a restored snapshot), or from the very start. */
export function replayLog(scenario: Scenario, entries: Iterable<LogEntry>, from?: Replayed): ReplayOutcome {
  const meeting = from?.meeting ?? MeetingSession.create(scenario);
  let coaching = from?.coaching ?? emptyCoaching();
  let seq = from?.seq ?? 0;
  const stop = (refusal: ReplayRefusal): ReplayOutcome => ({
    ok: false,
    refusal,
    replayed: { meeting, coaching, seq },
  });
  for (const entry of entries) {
    const { payload } = entry;
    if (payload.kind === 'meeting') {
      // A clock tick records the item it fell due in; a command, the item after it.
      const tick = payload.command.type === 'clock.tick';
      if (tick && currentItemId(scenario, meeting) !== payload.item)
        return stop(otherItem(entry, scenario, meeting));
      const refusal = meeting.applyLogged(entry.actor, payload.command, entry.at);
      if (refusal) {
        return stop(
          refusal.code === 'replay/no_change'
            ? { seq: entry.seq, kind: 'no_change', message: refusal.message }
            : { seq: entry.seq, kind: 'refused', code: refusal.code, message: refusal.message },
        );
      }
      if (!tick && currentItemId(scenario, meeting) !== payload.item)
        return stop(otherItem(entry, scenario, meeting));
    } else {
      if (currentItemId(scenario, meeting) !== payload.item) return stop(otherItem(entry, scenario, meeting));
      const applied = applyCoaching(coaching, entry.actor as CoachingActor, payload.command, {
        at: entry.at,
        participants: new Set(Object.keys(meeting.context.participants)),
        item: payload.item,
        attempt: meeting.context.attempt,
      });
      if (!applied.ok)
        return stop({ seq: entry.seq, kind: 'refused', code: applied.code, message: applied.message });
      coaching = applied.state;
    }
    seq = entry.seq;
  }
  return { ok: true, meeting, coaching, seq };
}

function otherItem(entry: LogEntry, scenario: Scenario, meeting: MeetingSession): ReplayRefusal {
  const now = currentItemId(scenario, meeting);
  return {
    seq: entry.seq,
    kind: 'other_item',
    message: `the log has "${entry.payload.command.type}" in agenda item ${entry.payload.item ?? '(none)'}, the current rules in ${now ?? '(none)'}`,
  };
}

/** replayLog for logs that must replay (tests, tools): throws on a refusal. */
export function replayLogOrThrow(scenario: Scenario, entries: Iterable<LogEntry>, from?: Replayed): Replayed {
  const outcome = replayLog(scenario, entries, from);
  if (!outcome.ok) {
    outcome.replayed.meeting.stop();
    const { seq, kind, code, message } = outcome.refusal;
    throw new Error(`log entry ${seq} does not replay (${code ?? kind}): ${message}`);
  }
  return outcome;
}
