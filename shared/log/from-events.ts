// The log a server would have written for a run of the engine: each domain
// event with the agenda item it was recorded in (a clock tick: the item it
// fell due in; a command: the item after it). Used to record golden logs
// from simulated meetings and by tests; the events must replay.
import { type DomainEvent, MeetingSession, ReplayError } from '../meeting/session.ts';
import type { Scenario } from '../scenario/index.ts';
import type { LogEntry } from './entry.ts';
import { currentItemId } from './replay.ts';

export function logFromEvents(
  scenario: Scenario,
  sessionId: string,
  events: readonly DomainEvent[],
): LogEntry[] {
  const session = MeetingSession.create(scenario);
  try {
    return events.map((event) => {
      const before = currentItemId(scenario, session);
      const refusal = session.applyLogged(event.actor, event.command, event.at);
      if (refusal) throw new ReplayError(event.seq, refusal);
      const item = event.command.type === 'clock.tick' ? before : currentItemId(scenario, session);
      return {
        sessionId,
        seq: event.seq,
        at: event.at,
        actor: event.actor,
        payload: { kind: 'meeting', command: event.command, item },
      };
    });
  } finally {
    session.stop();
  }
}
