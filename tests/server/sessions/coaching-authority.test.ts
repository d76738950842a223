// The server and the coaching authority agree: a session in memory
// (SessionState, as the host runs it) answers every coaching command of the
// table in tests/support/coaching-table.ts exactly as the screens' authority
// does, and who sends each command (may-coach.ts) is what the access table
// and the protocol let through to it.
import { describe, expect, it } from 'vitest';
import { SessionState } from '../../../server/sessions/session-state.ts';
import { commandRight, may } from '../../../shared/access/rights.ts';
import { COACHING_SENDERS, COACHING_TYPES } from '../../../shared/coaching/may-coach.ts';
import type { CoachingCommand } from '../../../shared/coaching/state.ts';
import { SERVER_ONLY_COMMANDS } from '../../../shared/protocol/messages.ts';
import { ACTORS, type ActorName, STAND_IN, TABLE } from '../../support/coaching-table.ts';
import { FACILITATOR, OBSERVER, seat, T0, viewScenario } from '../../support/views-fixture.ts';

const SYSTEM = { kind: 'system' } as const;

/** The table's situation in a session: p1 the chair, p2 without a card, owner_a played by o1, tips t1 and t2. */
function situation(): { state: SessionState; standIn: string } {
  const state = SessionState.fresh('s', viewScenario());
  const ok = (outcome: ReturnType<SessionState['apply']>) => {
    if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  };
  ok(state.applyMeeting(SYSTEM, { type: 'participant.join', participantId: 'p1', name: 'A' }, T0));
  ok(state.applyMeeting(SYSTEM, { type: 'participant.join', participantId: 'p2', name: 'B' }, T0));
  ok(state.applyMeeting(seat('p1'), { type: 'card.take', roleId: 'chair' }, T0));
  ok(state.applyCoaching(SYSTEM, { type: 'observer.join', observerId: 'o1', name: 'Expert' }, T0));
  ok(
    state.applyMeeting(FACILITATOR, { type: 'card.assign_expert', roleId: 'owner_a', observerId: 'o1' }, T0),
  );
  ok(state.applyCoaching(OBSERVER, { type: 'tip.whisper', tipId: 't1', to: 'p1', text: 'x' }, T0));
  ok(state.applyCoaching(OBSERVER, { type: 'tip.broadcast', tipId: 't2', text: 'y' }, T0));
  ok(state.applyCoaching(seat('p1'), { type: 'tip.ack', tipId: 't2' }, T0));
  const standIn = Object.values(state.meeting.context.participants).find((p) => p.playedBy === 'o1')?.id;
  if (!standIn) throw new Error('no stand-in');
  return { state, standIn };
}

describe('the server answers every coaching command as the authority does', () => {
  it('each row of the table, from each kind of sender', () => {
    const { state: probe, standIn } = situation();
    probe.stop();
    let checked = 0;
    for (const row of TABLE) {
      const command = JSON.parse(JSON.stringify(row.command).replaceAll(`"${STAND_IN}"`, `"${standIn}"`));
      for (const name of Object.keys(ACTORS) as ActorName[]) {
        const { state } = situation();
        const outcome = state.applyCoaching(ACTORS[name], command as CoachingCommand, T0 + 1000);
        state.stop();
        expect(outcome.ok ? null : outcome.error.code, `${command.type} by ${name}`).toBe(row.answers[name]);
        checked++;
      }
    }
    expect(checked).toBe(TABLE.length * 5);
  });

  it('an accepted command is logged once and changes the state; a refused one neither', () => {
    const { state, standIn } = situation();
    const before = state.coaching;
    const refused = state.apply(OBSERVER, { type: 'tip.whisper', tipId: 'n', to: standIn, text: 'x' }, T0);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'coaching/stand_in', message: 'an expert plays this card; tips are for trainees' },
      entries: [],
    });
    expect(state.coaching).toBe(before);
    const accepted = state.apply(OBSERVER, { type: 'tip.whisper', tipId: 'n', to: 'p2', text: 'x' }, T0);
    expect(accepted.ok && accepted.entries.length).toBe(1);
    expect(state.coaching.tips.map((t) => t.id)).toEqual(['t1', 't2', 'n']);
    state.stop();
  });
});

describe('who sends each command, as the access table and the protocol let it through', () => {
  const session = { sessionId: 's', ownerId: 'a1', sharedWith: [] };
  it.each([...COACHING_TYPES])('%s', (type) => {
    const sender = COACHING_SENDERS[type];
    // Only the server writes its own entries; a socket's copy is refused before the authority is asked.
    expect(SERVER_ONLY_COMMANDS.has(type)).toBe(sender === 'server');
    if (sender === 'coach') {
      const right = commandRight('observer', type);
      expect(right && may({ kind: 'guest_expert', sessionId: 's' }, right, session)).toBe(true);
      expect(commandRight('facilitator', type)).toBe('session.run');
    }
    if (sender === 'recipient') {
      const right = commandRight('trainee', type);
      expect(right && may({ kind: 'trainee', sessionId: 's', participantId: 'p1' }, right, session)).toBe(
        true,
      );
    }
  });
});
