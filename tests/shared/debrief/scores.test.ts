// Rubric score aggregates (shared/debrief/scores.ts): per trainee, competency
// and attempt, the mean, the spread (highest − lowest) and the agreement (the
// share of expert pairs within one step of each other). Expected values are
// worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { applyCoaching } from '../../../shared/coaching/apply.ts';
import {
  type CoachingCommand,
  type CoachingState,
  emptyCoaching,
  type Score,
} from '../../../shared/coaching/state.ts';
import { aggregateScores, numeric } from '../../../shared/debrief/scores.ts';

const score = (observerId: string, value: Score['score'], extra: Partial<Score> = {}): Score => ({
  observerId,
  participantId: 'p2',
  competency: 'mass_work',
  attempt: 1,
  score: value,
  markerIds: [],
  at: 0,
  ...extra,
});

describe('aggregateScores', () => {
  it('three experts 4, 5, 2: mean 3.67, spread 3, agreement 1/3 = 0.33', () => {
    // mean (4 + 5 + 2) / 3 = 11 / 3 = 3.666… → 3.67; spread 5 − 2 = 3;
    // pairs (4,5) |1| within one step, (4,2) |2| not, (5,2) |3| not → 1 of 3 → 0.33.
    const [aggregate, ...rest] = aggregateScores([score('o1', 4), score('o2', 5), score('o3', 2)]);
    expect(rest).toEqual([]);
    expect(aggregate).toEqual({
      participantId: 'p2',
      competency: 'mass_work',
      attempt: 1,
      scores: [
        { observerId: 'o1', score: 4, markerIds: [] },
        { observerId: 'o2', score: 5, markerIds: [] },
        { observerId: 'o3', score: 2, markerIds: [] },
      ],
      mean: 3.67,
      spread: 3,
      agreement: 0.33,
    });
  });

  it('the psmu scale reads P, S, M, U as 4, 3, 2, 1: P and S → mean 3.5, spread 1, agreement 1', () => {
    expect([numeric('P'), numeric('S'), numeric('M'), numeric('U'), numeric(3)]).toEqual([4, 3, 2, 1, 3]);
    // (4 + 3) / 2 = 3.5; 4 − 3 = 1; the one pair is within one step → 1/1.
    const [aggregate] = aggregateScores([score('o1', 'P'), score('o2', 'S')]);
    expect(aggregate).toMatchObject({ mean: 3.5, spread: 1, agreement: 1 });
    // P and U: (4 + 1) / 2 = 2.5; 4 − 1 = 3; the one pair is 3 steps apart → 0.
    expect(aggregateScores([score('o1', 'P'), score('o2', 'U')])[0]).toMatchObject({
      mean: 2.5,
      spread: 3,
      agreement: 0,
    });
  });

  it('four experts 3, 3, 4, 5: mean 3.75, spread 2, agreement 4/6 = 0.67', () => {
    // Pairs: (3,3) ok, (3,4) ok, (3,5) no, (3,4) ok, (3,5) no, (4,5) ok → 4 of 6 = 0.666… → 0.67.
    const values = [3, 3, 4, 5];
    const [aggregate] = aggregateScores(values.map((v, i) => score(`o${i + 1}`, v)));
    expect(aggregate).toMatchObject({ mean: 3.75, spread: 2, agreement: 0.67 });
  });

  it('one expert agrees with themself: spread 0, agreement 1', () => {
    expect(aggregateScores([score('o1', 2)])[0]).toMatchObject({ mean: 2, spread: 0, agreement: 1 });
  });

  it('groups by attempt, trainee and competency, in order of first appearance', () => {
    const aggregates = aggregateScores([
      score('o1', 4),
      score('o1', 2, { competency: 'coordination' }),
      score('o2', 5),
      score('o1', 1, { participantId: 'p3' }),
      score('o1', 3, { attempt: 2 }),
    ]);
    expect(aggregates.map((a) => [a.attempt, a.participantId, a.competency, a.mean])).toEqual([
      [1, 'p2', 'mass_work', 4.5], // (4 + 5) / 2
      [1, 'p2', 'coordination', 2],
      [1, 'p3', 'mass_work', 1],
      [2, 'p2', 'mass_work', 3],
    ]);
    expect(aggregateScores([])).toEqual([]);
  });

  it('keeps each expert’s note and markers', () => {
    const [aggregate] = aggregateScores([
      score('o1', 4, { note: 'Calm under pressure', markerIds: ['m1', 'm2'] }),
      score('o2', 3),
    ]);
    expect(aggregate?.scores).toEqual([
      { observerId: 'o1', score: 4, note: 'Calm under pressure', markerIds: ['m1', 'm2'] },
      { observerId: 'o2', score: 3, markerIds: [] },
    ]);
  });
});

describe('scores set with score.set', () => {
  const participants = new Set(['p2', 'p3']);
  const set = (
    state: CoachingState,
    observerId: string,
    command: Omit<Extract<CoachingCommand, { type: 'score.set' }>, 'type'>,
    attempt = 1,
  ) => {
    const result = applyCoaching(
      state,
      { kind: 'observer', id: observerId },
      { type: 'score.set', ...command },
      { at: 1000, participants, item: null, attempt },
    );
    if (!result.ok) throw new Error(result.code);
    return result.state;
  };

  it('an expert’s later score replaces their earlier one; null withdraws it', () => {
    let state = emptyCoaching();
    state = set(state, 'o1', { participantId: 'p2', competency: 'mass_work', score: 2 });
    state = set(state, 'o2', { participantId: 'p2', competency: 'mass_work', score: 5 });
    state = set(state, 'o3', { participantId: 'p2', competency: 'mass_work', score: 1 });
    state = set(state, 'o1', { participantId: 'p2', competency: 'mass_work', score: 4, note: 'better' });
    // o1 now 4, o2 5, o3 1: mean 10 / 3 = 3.33; spread 4; pairs (5,1) no, (1,4) no, (5,4) ok → 0.33.
    expect(aggregateScores(state.scores)[0]).toMatchObject({ mean: 3.33, spread: 4, agreement: 0.33 });
    state = set(state, 'o3', { participantId: 'p2', competency: 'mass_work', score: null });
    // o2 5 and o1 4: mean 4.5, spread 1, agreement 1.
    const [aggregate] = aggregateScores(state.scores);
    expect(aggregate).toMatchObject({ mean: 4.5, spread: 1, agreement: 1 });
    expect(aggregate?.scores.map((x) => [x.observerId, x.score, x.note])).toEqual([
      ['o2', 5, undefined],
      ['o1', 4, 'better'],
    ]);
  });

  it('the same expert scores each attempt separately', () => {
    let state = emptyCoaching();
    state = set(state, 'o1', { participantId: 'p2', competency: 'mass_work', score: 2 }, 1);
    state = set(state, 'o1', { participantId: 'p2', competency: 'mass_work', score: 4 }, 2);
    expect(aggregateScores(state.scores).map((a) => [a.attempt, a.mean])).toEqual([
      [1, 2],
      [2, 4],
    ]);
  });
});
