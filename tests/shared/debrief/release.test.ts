// Staged release, pure: a trainee's debrief holds the experts' scores and
// plan items only for attempts the instructor has released; the experts'
// and the facilitator's copies always hold everything.
import { describe, expect, it } from 'vitest';
import { buildDebrief, type DebriefView } from '../../../shared/debrief/build.ts';
import { isReleased, NOTHING_RELEASED, releasedCoaching } from '../../../shared/debrief/release.ts';
import {
  debriefRoom,
  EXPERT,
  FACILITATOR,
  scriptedClose,
  scriptedTalk,
} from '../../support/debrief-fixture.ts';

const o1 = EXPERT('o1');
/** Attempt 1 scored and planned for p2, then a retake; attempt 2 scored too. */
function scoredTwice() {
  const room = scriptedClose(scriptedTalk(debriefRoom()))
    .coach(o1, { type: 'score.set', participantId: 'p2', competency: 'mass_work', score: 4, note: 'NOTE-1' })
    .coach(o1, { type: 'plan.add', itemId: 'plan-1', participantId: 'p2', text: 'PLAN-1' })
    .ok(FACILITATOR, { type: 'meeting.retake', cards: 'keep' })
    .coach(o1, { type: 'score.set', participantId: 'p2', competency: 'mass_work', score: 2, note: 'NOTE-2' });
  return room;
}

const scoresOf = (view: DebriefView) => view.attempts.map((a) => a.scores.map((s) => s.mean));

describe('staged release', () => {
  const room = scoredTwice();
  const asP2 = (throughAttempt: number) =>
    buildDebrief(
      { ...room.debriefInput(), release: { throughAttempt } },
      { audience: 'trainee', participantId: 'p2' },
    );

  it('nothing released: no score, note, plan item or competency mean in the trainee’s copy', () => {
    const view = buildDebrief(room.debriefInput(), { audience: 'trainee', participantId: 'p2' });
    expect(view.release).toEqual(NOTHING_RELEASED);
    expect(scoresOf(view)).toEqual([[], []]);
    expect(view.attempts.map((a) => a.plan)).toEqual([[], []]);
    expect(view.comparison.filter((r) => r.participantId === 'p2').map((r) => r.competencies)).toEqual([
      {},
      {},
    ]);
    for (const text of ['NOTE-1', 'NOTE-2', 'PLAN-1']) expect(JSON.stringify(view)).not.toContain(text);
  });

  it('released through attempt 1: attempt 1 shown, attempt 2 still held back', () => {
    const view = asP2(1);
    expect(scoresOf(view)).toEqual([[4], []]);
    expect(view.attempts[0]?.plan.map((p) => p.text)).toEqual(['PLAN-1']);
    expect(JSON.stringify(view)).not.toContain('NOTE-2');
  });

  it('released through attempt 2: both', () => {
    expect(scoresOf(asP2(2))).toEqual([[4], [2]]);
  });

  it('the experts and the facilitator see everything whatever was released', () => {
    for (const audience of ['observer', 'facilitator'] as const)
      expect(scoresOf(buildDebrief(room.debriefInput(), { audience }))).toEqual([[4], [2]]);
  });

  it('releasedCoaching keeps the same object when nothing is held back', () => {
    const coaching = room.debriefInput().coaching;
    expect(releasedCoaching(coaching, { throughAttempt: 2 })).toBe(coaching);
    expect(releasedCoaching(coaching, NOTHING_RELEASED).scores).toEqual([]);
    expect([isReleased({ throughAttempt: 1 }, 1), isReleased({ throughAttempt: 1 }, 2)]).toEqual([
      true,
      false,
    ]);
  });
});
