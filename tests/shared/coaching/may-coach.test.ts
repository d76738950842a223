// The one authority for coaching (shared/coaching/may-coach.ts): a table of
// every command against every kind of sender, worked out by hand; the same
// answers from the full state and from each viewer's projected view through
// a meeting; and the rules a replayed log is held to, which stay looser than
// the live ones.
import { describe, expect, it } from 'vitest';
import { applyCoaching } from '../../../shared/coaching/apply.ts';
import { type CoachingFacts, coachingFacts } from '../../../shared/coaching/facts.ts';
import { COACHING_TYPES, checkCoaching, mayCoach } from '../../../shared/coaching/may-coach.ts';
import {
  type CoachingCommand,
  coachingCommandSchema,
  emptyCoaching,
  type Tip,
} from '../../../shared/coaching/state.ts';
import type { Actor } from '../../../shared/meeting/commands.ts';
import { viewCoachingFacts } from '../../../shared/views/facts.ts';
import { projectLive, projectTrainee } from '../../../shared/views/live.ts';
import { publicScenario } from '../../../shared/views/scenario-public.ts';
import { ACTORS, type ActorName, STAND_IN, TABLE } from '../../support/coaching-table.ts';
import { FACILITATOR, OBSERVER, seat, ViewRoom } from '../../support/views-fixture.ts';

/** The table's situation, as facts written out by hand. */
const FACTS: CoachingFacts = {
  participants: [
    { id: 'p1', roleId: 'chair' },
    { id: 'p2', roleId: null },
    { id: STAND_IN, roleId: 'owner_a', playedBy: 'o1' },
  ],
  tips: [
    { id: 't1', to: 'p1', acked: [] },
    { id: 't2', to: 'all', acked: ['p1'] },
  ],
  rubric: {
    scale: { kind: 'range', min: 1, max: 5 },
    competencies: [{ id: 'mass_work' }, { id: 'emergency' }],
  },
};

/** The same tips in the coaching state apply.ts reads. */
const TIPS: Tip[] = [
  { id: 't1', attempt: 1, from: 'o1', to: 'p1', text: 'x', sentAt: 0, receipts: {} },
  {
    id: 't2',
    attempt: 1,
    from: 'o1',
    to: 'all',
    text: 'x',
    sentAt: 0,
    receipts: { p1: { readAt: 5, ackAt: 5 } },
  },
];

describe('the table', () => {
  it('has rows for every coaching command the schema knows, and the authority knows them all', () => {
    const schemaTypes = coachingCommandSchema.options.map((o) => o.shape.type.value).sort();
    expect([...COACHING_TYPES].sort()).toEqual(schemaTypes);
    expect([...new Set(TABLE.map((r) => r.command.type))].sort()).toEqual(schemaTypes);
  });

  for (const { command, answers } of TABLE) {
    it(`${command.type} ${JSON.stringify(command).slice(0, 90)}`, () => {
      for (const name of Object.keys(ACTORS) as ActorName[]) {
        expect(mayCoach(FACTS, ACTORS[name], command)?.code ?? null, name).toBe(answers[name]);
      }
    });
  }

  it('scores P, S, M or U on a psmu rubric, no number', () => {
    const psmu: CoachingFacts = { ...FACTS, rubric: { ...FACTS.rubric, scale: { kind: 'psmu' } } };
    const answer = (score: number | 'P' | 'U' | null) =>
      mayCoach(psmu, OBSERVER, { type: 'score.set', participantId: 'p1', competency: 'mass_work', score })
        ?.code ?? null;
    expect([answer('P'), answer('U'), answer(null), answer(3)]).toEqual([
      null,
      null,
      null,
      'coaching/off_scale',
    ]);
  });
});

describe('what a replayed log is held to', () => {
  // The live rules are tighter: a log written before them (a tip to a card an expert played, a score
  // off the scale) still replays; who sent it and whether the tip or the trainee exists still count.
  const loose: CoachingCommand[] = [
    { type: 'tip.whisper', tipId: 'n', to: STAND_IN, text: 'x' },
    { type: 'score.set', participantId: 'p2', competency: 'charm', score: 9 },
    { type: 'marker.drop', markerId: 'n', participantId: 'px', competency: 'charm', kind: 'strength' },
    { type: 'plan.add', itemId: 'n', participantId: STAND_IN, text: 'x' },
    { type: 'tip.ack', tipId: 't2' },
  ];
  it.each(loose)('$type: refused live, applied from the log', (command) => {
    const actor: Actor = command.type === 'tip.ack' ? ACTORS.p1 : OBSERVER;
    expect(mayCoach(FACTS, actor, command)).not.toBeNull();
    expect(checkCoaching(FACTS, actor, command)).toBeNull();
    const applied = applyCoaching({ ...emptyCoaching(), tips: TIPS }, actor, command, {
      at: 10,
      participants: new Set(FACTS.participants.map((p) => p.id)),
      item: null,
      attempt: 1,
    });
    expect(applied.ok).toBe(true);
  });

  it('applyCoaching refuses what checkCoaching refuses, with the same code', () => {
    for (const { command } of TABLE) {
      for (const actor of Object.values(ACTORS)) {
        const expected = checkCoaching(FACTS, actor, command)?.code;
        const applied = applyCoaching({ ...emptyCoaching(), tips: TIPS }, actor, command, {
          at: 10,
          participants: new Set(FACTS.participants.map((p) => p.id)),
          item: null,
          attempt: 1,
        });
        expect(applied.ok ? undefined : applied.code, `${command.type} by ${actor.kind}`).toBe(expected);
      }
    }
  });
});

/** Commands the coaching screens offer, for the people and tips in `room`. */
function candidates(room: ViewRoom): CoachingCommand[] {
  const ids = [...Object.keys(room.ctx.participants), 'px'];
  const tips = [...room.coaching.tips.map((t) => t.id), 'tx'];
  return [
    { type: 'tip.broadcast', tipId: 'n', text: 'x' },
    { type: 'backchannel.say', messageId: 'n', text: 'x' },
    { type: 'marker.drop', markerId: 'n', competency: 'mass_work', kind: 'strength' },
    ...ids.flatMap((id): CoachingCommand[] => [
      { type: 'tip.whisper', tipId: 'n', to: id, text: 'x' },
      { type: 'marker.drop', markerId: 'n', participantId: id, competency: 'emergency', kind: 'needs_work' },
      { type: 'score.set', participantId: id, competency: 'mass_work', score: 4 },
      { type: 'score.set', participantId: id, competency: 'mass_work', score: null },
      { type: 'plan.add', itemId: 'n', participantId: id, text: 'x' },
    ]),
    ...tips.flatMap((tipId): CoachingCommand[] => [
      { type: 'tip.read', tipId },
      { type: 'tip.ack', tipId },
    ]),
  ];
}

/** Every viewer's verdict from its own view equals the full state's, for every candidate. */
function expectViewsAgree(room: ViewRoom, label: string) {
  const full = coachingFacts(room.scenario.rubric, room.ctx, room.coaching);
  const input = room.input();
  const pub = publicScenario(room.scenario);
  const viewers: [Actor, CoachingFacts][] = [
    [OBSERVER, viewCoachingFacts(room.scenario, projectLive(input, 'observer'))],
    [FACILITATOR, viewCoachingFacts(room.scenario, projectLive(input, 'facilitator'))],
    ...Object.keys(room.ctx.participants).map((id): [Actor, CoachingFacts] => [
      seat(id),
      viewCoachingFacts(pub, projectTrainee(input, id)),
    ]),
  ];
  const answers = new Set<string | null>();
  for (const command of candidates(room)) {
    for (const [actor, facts] of viewers) {
      const expected = mayCoach(full, actor, command)?.code ?? null;
      answers.add(expected);
      expect(
        mayCoach(facts, actor, command)?.code ?? null,
        `${label}: ${command.type} by ${JSON.stringify(actor)}`,
      ).toBe(expected);
    }
  }
  return answers;
}

describe('the same answer from the full state and from each viewer’s view', () => {
  it('through a meeting: tips sent, read and acknowledged, a card an expert plays, a card taken back', () => {
    const room = new ViewRoom()
      .coach({ kind: 'system' }, { type: 'observer.join', observerId: 'o1', name: 'Expert' })
      .seat({ p1: 'chair', p2: 'owner_b', p3: null })
      .ok(FACILITATOR, { type: 'card.assign_expert', roleId: 'owner_a', observerId: 'o1' });
    const seen = new Set<string | null>();
    const add = (answers: Set<string | null>) => {
      for (const a of answers) seen.add(a);
    };
    add(expectViewsAgree(room, 'lobby'));
    room
      .coach(OBSERVER, { type: 'tip.whisper', tipId: 't1', to: 'p1', text: 'x' })
      .coach(OBSERVER, { type: 'tip.broadcast', tipId: 't2', text: 'y' });
    add(expectViewsAgree(room, 'two tips'));
    room
      .coach(seat('p1'), { type: 'tip.read', tipId: 't1' })
      .coach(seat('p2'), { type: 'tip.ack', tipId: 't2' });
    add(expectViewsAgree(room, 'read and acknowledged'));
    room.ok(FACILITATOR, { type: 'meeting.start' }).ok(seat('p1'), { type: 'meeting.begin' });
    room.ok(FACILITATOR, { type: 'card.assign', participantId: 'p2', roleId: null });
    add(expectViewsAgree(room, 'p2’s card taken back'));
    // The sample reaches every kind of answer but the server's own.
    expect([...seen].sort()).toEqual(
      [
        null,
        'auth/forbidden',
        'coaching/no_card',
        'coaching/stand_in',
        'seat/unknown_participant',
        'tip/already_acked',
        'tip/unknown',
      ].sort(),
    );
  });
});
