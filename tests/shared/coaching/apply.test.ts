import { describe, expect, it } from 'vitest';
import { applyCoaching, type CoachingActor, type CoachingContext } from '../../../shared/coaching/apply.ts';
import { type CoachingCommand, type CoachingState, emptyCoaching } from '../../../shared/coaching/state.ts';

const EXPERT: CoachingActor = { kind: 'observer', id: 'o1' };
const SYSTEM: CoachingActor = { kind: 'system' };
const where = (at: number, attempt = 1): CoachingContext => ({
  at,
  participants: new Set(['p1', 'p2']),
  item: 'talk',
  attempt,
});

function apply(
  state: CoachingState,
  actor: CoachingActor,
  command: CoachingCommand,
  at = 1000,
  attempt = 1,
): CoachingState {
  const result = applyCoaching(state, actor, command, where(at, attempt));
  if (!result.ok) throw new Error(`${command.type}: ${result.code}`);
  return result.state;
}

const refusal = (state: CoachingState, actor: CoachingActor, command: CoachingCommand) => {
  const result = applyCoaching(state, actor, command, where(5000));
  return result.ok ? 'accepted' : result.code;
};

describe('tips', () => {
  it('keeps when a whisper was sent, delivered, read and acknowledged — the first time each', () => {
    let s = apply(
      emptyCoaching(),
      EXPERT,
      { type: 'tip.whisper', tipId: 't1', to: 'p1', text: 'Ask the ground floor first' },
      1000,
    );
    s = apply(s, SYSTEM, { type: 'tip.delivered', tipId: 't1', participantId: 'p1' }, 1200);
    s = apply(s, SYSTEM, { type: 'tip.delivered', tipId: 't1', participantId: 'p1' }, 9999);
    s = apply(s, { kind: 'participant', id: 'p1' }, { type: 'tip.ack', tipId: 't1' }, 4000);
    expect(s.tips[0]).toEqual({
      id: 't1',
      attempt: 1,
      from: 'o1',
      to: 'p1',
      text: 'Ask the ground floor first',
      sentAt: 1000,
      receipts: { p1: { deliveredAt: 1200, readAt: 4000, ackAt: 4000 } },
    });
  });

  it('tells another trainee nothing about a tip that is not theirs', () => {
    const s = apply(emptyCoaching(), EXPERT, { type: 'tip.whisper', tipId: 't1', to: 'p1', text: 'x' });
    expect(refusal(s, { kind: 'participant', id: 'p2' }, { type: 'tip.ack', tipId: 't1' })).toBe(
      'tip/unknown',
    );
    expect(refusal(s, { kind: 'participant', id: 'p2' }, { type: 'tip.ack', tipId: 'nope' })).toBe(
      'tip/unknown',
    );
  });

  it('broadcasts to every trainee, each with their own receipt', () => {
    let s = apply(emptyCoaching(), EXPERT, { type: 'tip.broadcast', tipId: 'b1', text: 'Mind the time' });
    s = apply(s, { kind: 'participant', id: 'p1' }, { type: 'tip.read', tipId: 'b1' }, 2000);
    s = apply(s, { kind: 'participant', id: 'p2' }, { type: 'tip.ack', tipId: 'b1' }, 3000);
    expect(s.tips[0]?.to).toBe('all');
    expect(s.tips[0]?.receipts).toEqual({ p1: { readAt: 2000 }, p2: { readAt: 3000, ackAt: 3000 } });
  });

  it('refuses tips from trainees, to strangers, with reused ids, and deliveries not from the server', () => {
    const s = apply(emptyCoaching(), EXPERT, { type: 'tip.whisper', tipId: 't1', to: 'p1', text: 'x' });
    expect(
      refusal(s, { kind: 'participant', id: 'p1' }, { type: 'tip.broadcast', tipId: 't2', text: 'x' }),
    ).toBe('auth/forbidden');
    expect(refusal(s, EXPERT, { type: 'tip.whisper', tipId: 't3', to: 'ghost', text: 'x' })).toBe(
      'seat/unknown_participant',
    );
    expect(refusal(s, EXPERT, { type: 'tip.whisper', tipId: 't1', to: 'p2', text: 'x' })).toBe(
      'command/duplicate_id',
    );
    expect(refusal(s, EXPERT, { type: 'tip.delivered', tipId: 't1', participantId: 'p1' })).toBe(
      'auth/forbidden',
    );
    expect(refusal(s, SYSTEM, { type: 'tip.delivered', tipId: 't1', participantId: 'p2' })).toBe(
      'tip/not_recipient',
    );
  });
});

describe('markers, backchannel, observers', () => {
  it('stamps a marker with the moment, the item and the attempt', () => {
    const s = apply(
      emptyCoaching(),
      EXPERT,
      {
        type: 'marker.drop',
        markerId: 'm1',
        participantId: 'p1',
        competency: 'mass_work',
        kind: 'strength',
        note: 'Named the fear',
      },
      7000,
      2,
    );
    expect(s.markers).toEqual([
      {
        id: 'm1',
        observerId: 'o1',
        participantId: 'p1',
        competency: 'mass_work',
        kind: 'strength',
        note: 'Named the fear',
        shared: false,
        at: 7000,
        item: 'talk',
        attempt: 2,
      },
    ]);
    expect(
      refusal(
        s,
        { kind: 'participant', id: 'p1' },
        { type: 'marker.drop', markerId: 'm2', competency: 'x', kind: 'strength' },
      ),
    ).toBe('auth/forbidden');
  });

  it('keeps the backchannel to observers and admits observers only through the server', () => {
    const s = apply(emptyCoaching(), EXPERT, {
      type: 'backchannel.say',
      messageId: 'b1',
      text: 'Watch the chair',
    });
    expect(s.backchannel).toHaveLength(1);
    expect(
      refusal(s, { kind: 'participant', id: 'p1' }, { type: 'backchannel.say', messageId: 'b2', text: 'hi' }),
    ).toBe('auth/forbidden');
    expect(refusal(s, EXPERT, { type: 'observer.join', observerId: 'o9', name: 'X' })).toBe('auth/forbidden');
    expect(
      apply(s, SYSTEM, { type: 'observer.join', observerId: 'o9', name: 'Expert Li' }).observers.o9?.name,
    ).toBe('Expert Li');
  });
});

describe('scores and improvement plans', () => {
  it('keeps one score per expert, trainee, competency and attempt; null clears it', () => {
    let s = apply(emptyCoaching(), EXPERT, {
      type: 'score.set',
      participantId: 'p1',
      competency: 'mass_work',
      score: 3,
    });
    s = apply(
      s,
      EXPERT,
      { type: 'score.set', participantId: 'p1', competency: 'mass_work', score: 4, note: 'Better' },
      2000,
    );
    s = apply(
      s,
      { kind: 'observer', id: 'o2' },
      { type: 'score.set', participantId: 'p1', competency: 'mass_work', score: 2 },
    );
    s = apply(
      s,
      EXPERT,
      { type: 'score.set', participantId: 'p1', competency: 'mass_work', score: 5 },
      3000,
      2,
    );
    expect(s.scores.map((x) => [x.observerId, x.attempt, x.score, x.note])).toEqual([
      ['o1', 1, 4, 'Better'],
      ['o2', 1, 2, undefined],
      ['o1', 2, 5, undefined],
    ]);
    s = apply(s, EXPERT, { type: 'score.set', participantId: 'p1', competency: 'mass_work', score: null });
    expect(s.scores.map((x) => [x.observerId, x.attempt])).toEqual([
      ['o2', 1],
      ['o1', 2],
    ]);
    expect(
      refusal(
        s,
        { kind: 'participant', id: 'p1' },
        { type: 'score.set', participantId: 'p1', competency: 'mass_work', score: 5 },
      ),
    ).toBe('auth/forbidden');
  });

  it('records "next time" items for a trainee', () => {
    const s = apply(emptyCoaching(), EXPERT, {
      type: 'plan.add',
      itemId: 'n1',
      participantId: 'p2',
      text: 'Open with the rule',
    });
    expect(s.plan).toEqual([
      { id: 'n1', observerId: 'o1', participantId: 'p2', attempt: 1, text: 'Open with the rule', at: 1000 },
    ]);
    expect(refusal(s, EXPERT, { type: 'plan.add', itemId: 'n1', participantId: 'p2', text: 'again' })).toBe(
      'command/duplicate_id',
    );
  });
});
