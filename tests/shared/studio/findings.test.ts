// "Try it" findings on fixtures, one per kind of finding; each fixture is a
// template changed through the form's edit model, and each fix (the edit the
// finding's link leads to) makes its finding go away.
import { describe, expect, it } from 'vitest';
import { loadScenarioSource, type Scenario } from '../../../shared/scenario/index.ts';
import { type FindingKind, tryIt } from '../../../shared/studio/findings.ts';
import { templateSource } from '../../../shared/studio/templates.ts';
import { appendTo, setIn } from '../../../shared/studio/yaml-edit.ts';

function load(text: string, id = 't'): Scenario {
  const result = loadScenarioSource(text, `${id}.yaml`, id);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.code} ${i.message}`).join('\n'));
  return result.scenario;
}

const kinds = (scenario: Scenario): FindingKind[] => tryIt(scenario).findings.map((f) => f.kind);
const HEARING = templateSource('hearing', 't');

describe('try it', () => {
  it('a statement whose only speaker may be left unheld: nobody may speak in it in the smallest class', () => {
    // The hearing template: the applicant card has no seats set (0 to 1), the proposal's only speaker.
    const { findings, smallestClass, run } = tryIt(load(HEARING));
    // chair (required: 1) + resident (min 1) + applicant (min 0) = 2.
    expect(smallestClass).toBe(2);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.kind).toBe('nobody_may_speak');
    // agenda[1] is the proposal; the link goes to its speakers.
    expect(findings[0]?.path).toEqual(['agenda', 1, 'speakers']);
    expect(findings[0]?.message.zh).toContain('“方案介绍”');
    // The full class ran to the debrief.
    expect(run.completed).toBe(true);
    // The fix the message offers: the chair speaks too.
    expect(kinds(load(setIn(HEARING, ['agenda', 1, 'speakers'], ['chair', 'applicant'])))).toEqual([]);
  });

  it('a vote of the electorate that cannot reach its quorum even if every card votes', () => {
    const electorate = {
      flats: [
        { flat: '101', owner: { zh: '甲', en: 'A' }, area_m2: 90 },
        { flat: '102', owner: { zh: '乙', en: 'B' }, area_m2: 90 },
        { flat: '201', owner: { zh: '丙', en: 'C' }, area_m2: 90 },
      ],
      total: { owners: 10, area_m2: 900 },
    };
    let text = templateSource('assembly', 't');
    text = setIn(text, ['electorate'], electorate);
    // The owner card stands for two flats; the resolution counts by the owners' ordinary rule (quorum 2/3).
    text = setIn(text, ['roles', 1, 'stands_for'], ['101', '102']);
    text = setIn(text, ['agenda', 2, 'rule'], 'owners_ordinary');
    const { findings } = tryIt(load(text));
    const quorum = findings.find((f) => f.kind === 'quorum_unreachable');
    expect(quorum?.path).toEqual(['agenda', 2, 'rule']);
    // 2 of 10 owners and 180 of 900 m²: short of two thirds on both.
    expect(quorum?.message.en).toContain('2 of 10 owners and 180 of 900 m²');
    // With written ballots for the rest of the flats listed and a tally of 5 more owners, 8/10 and 720/900 both pass 2/3.
    const fixed = setIn(text, ['agenda', 2, 'written_ballots'], {
      flats: [{ flat: '201', choice: 'yes' }],
      tally: { yes: { owners: 5, area_m2: 450 } },
    });
    expect(kinds(load(fixed))).not.toContain('quorum_unreachable');
  });

  it('an inject addressed to a card nobody can hold', () => {
    let text = appendTo(HEARING, ['roles'], {
      id: 'street_office',
      name: { zh: '街道', en: 'Street office' },
      npc: true,
      public: { zh: '街道办。', en: 'The street office.' },
      brief: { zh: '简报。', en: 'Brief.' },
    });
    text = setIn(text, ['agenda', 1, 'speakers'], ['chair', 'applicant']);
    text = appendTo(text, ['injects'], {
      id: 'call',
      title: { zh: '来电', en: 'A call' },
      body: { zh: '街道来电。', en: 'The street office calls.' },
      to: ['street_office'],
      manual: true,
    });
    const { findings } = tryIt(load(text));
    expect(findings.map((f) => f.kind)).toEqual(['inject_unreachable']);
    expect(findings[0]?.path).toEqual(['injects', 0, 'to']);
    expect(kinds(load(setIn(text, ['injects', 0, 'to'], ['chair'])))).toEqual([]);
  });

  it('an election that needs more candidates than the cards can seat', () => {
    let text = setIn(HEARING, ['agenda', 1, 'speakers'], ['chair', 'applicant']);
    text = appendTo(text, ['agenda'], {
      id: 'panel',
      title: { zh: '推选代表', en: 'Choose the panel' },
      kind: 'election',
      seats: 3,
      candidates: ['chair', 'applicant'],
    });
    const { findings } = tryIt(load(text));
    // chair (1 seat) + applicant (1 seat) = at most 2 trainees can stand for 3 seats.
    expect(findings.map((f) => f.kind)).toEqual(['more_than_seats']);
    expect(findings[0]?.path).toEqual(['agenda', 6, 'seats']);
    expect(findings[0]?.message.en).toContain('fills 3 seats, but at most 2 trainees can stand');
    expect(kinds(load(setIn(text, ['agenda', 6, 'seats'], 2)))).toEqual([]);
  });
});
