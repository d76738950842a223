// The electorate in the scenario format: how flats become owners (SPC
// interpretation arts 8–9), how a partial list and a total give the owners not
// listed, how cards map to owners, and every way an electorate can fail to
// add up, with the message an instructor reads.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../server/scenarios/library.ts';
import {
  formatIssue,
  formatPath,
  loadScenarioSource,
  SCENARIO_ISSUE,
  type Scenario,
  validateScenario,
} from '../../../shared/scenario/index.ts';
import { publicScenario } from '../../../shared/views/scenario-public.ts';

type Data = Record<string, unknown>;

const role = (id: string, extra: Data = {}): Data => ({ id, name: id, public: 'p', brief: 'b', ...extra });
const vote = (extra: Data = {}): Data => ({
  id: 'decide',
  title: { zh: '表决', en: 'Decide' },
  kind: 'vote',
  motion: 'm',
  rule: 'owners_ordinary',
  eligible: { attribute: 'owner', equals: true },
  ...extra,
});

const ownerCard = (id: string, flats: string[], key = 'stands_for') =>
  role(id, { attributes: { owner: true }, [key]: flats });

function scenario(overrides: Data): Data {
  return {
    schema: 1,
    id: 'owners',
    title: 't',
    summary: 's',
    meeting: 'assembly',
    duration: '20m',
    background: 'b',
    // An owner card for flat 101: every electorate below lists it.
    roles: [role('secretary', { chair: true, attributes: { owner: false } }), ownerCard('a', ['101'])],
    agenda: [vote()],
    ...overrides,
  };
}

function valid(data: Data): Scenario {
  const result = validateScenario(data);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.scenario;
}

const problems = (data: Data) => {
  const result = validateScenario(data);
  if (result.ok) throw new Error('expected the scenario to be invalid');
  return result.issues.map((i) => [i.code, formatPath(i.path), i.message]);
};

describe('owners as art. 9 counts them', () => {
  it('the elevator building: 12 flats, 12 owners, 744.6 m²; a married couple is one owner', () => {
    const entry = loadScenarioFile(
      resolve(import.meta.dirname, '../../../scenarios/elevator-coordination.yaml'),
    );
    if (entry.status !== 'valid') throw new Error('the elevator scenario does not load');
    const electorate = entry.scenario.electorate;
    expect(electorate?.total).toEqual({ owners: 12, area_m2: 744.6 });
    expect(electorate?.unlisted).toEqual({ owners: 0, area_m2: 0 });
    expect(electorate?.owners).toHaveLength(12);
    expect(electorate?.owners.find((o) => o.id === '301')?.name).toEqual({
      zh: '吴卫东、李梅',
      en: 'Wu Weidong and Li Mei',
    });
    // The crowd card is five owners; 602's son carries his mother's proxy.
    const card = (id: string) => entry.scenario.roles.find((r) => r.id === id);
    expect(card('owners_3_5')?.standsFor).toEqual(['301', '302', '401', '402', '502']);
    expect(card('owner_602')).toMatchObject({ standsFor: [], proxyFor: ['602'] });
    expect(entry.warnings).toEqual([]);
  });

  it('one buyer of two flats is one owner; the areas are added exactly (71.8 + 52.3 = 124.1)', () => {
    const s = valid(
      scenario({
        electorate: {
          flats: [
            { flat: '301', owner: '王芳', area_m2: 71.8 },
            { flat: '302', owner: '王芳', area_m2: 52.3 },
            { flat: '401', owner: '李强', area_m2: 71.8 },
          ],
        },
        roles: [role('secretary', { chair: true }), ownerCard('wang', ['302'])],
      }),
    );
    expect(s.electorate?.owners).toEqual([
      {
        id: '301',
        name: { zh: '王芳', en: '王芳' },
        flats: ['301', '302'],
        area_m2: 124.1,
        developer: false,
      },
      { id: '401', name: { zh: '李强', en: '李强' }, flats: ['401'], area_m2: 71.8, developer: false },
    ]);
    expect(s.electorate?.total).toEqual({ owners: 2, area_m2: 195.9 });
    // Naming one flat of an owner names the owner.
    expect(s.roles[1]?.standsFor).toEqual(['301']);
  });

  it('the same names in another order are the same co-owners; a subset is another owner', () => {
    const s = valid(
      scenario({
        electorate: {
          flats: [
            { flat: '101', owner: ['张伟', '李娟'], area_m2: 80 },
            { flat: '102', owner: ['李娟', '张伟'], area_m2: 60 },
            { flat: '201', owner: '张伟', area_m2: 90 },
          ],
        },
      }),
    );
    expect(s.electorate?.owners.map((o) => [o.id, o.flats, o.area_m2])).toEqual([
      ['101', ['101', '102'], 140],
      ['201', ['201'], 90],
    ]);
  });

  it('every flat the developer still holds is one owner, named as the developer unless written', () => {
    const s = valid(
      scenario({
        electorate: {
          flats: [
            { flat: '101', owner: '甲', area_m2: 100 },
            { flat: '201', developer: true, area_m2: 90 },
            { flat: '202', developer: true, owner: '某某置业', area_m2: 90 },
          ],
        },
      }),
    );
    const developer = s.electorate?.owners.find((o) => o.developer);
    expect(developer).toMatchObject({ id: '201', flats: ['201', '202'], area_m2: 180 });
    expect(developer?.name.zh).toBe('建设单位（未售或未交付）');
  });

  it('a total with some flats listed: the rest are owners not listed, as a whole', () => {
    const s = valid(
      scenario({
        electorate: {
          flats: [
            { flat: '3-101', owner: '甲', area_m2: 89.5 },
            { flat: '3-102', owner: '乙', area_m2: 76 },
          ],
          total: { owners: 636, area_m2: 56604 },
        },
        roles: [role('secretary', { chair: true }), ownerCard('a', ['3-101'])],
      }),
    );
    // 636 − 2 = 634 owners; 56,604 − 89.5 − 76 = 56,438.5 m².
    expect(s.electorate?.unlisted).toEqual({ owners: 634, area_m2: 56438.5 });
  });

  it('flat numbers may be written as numbers; they are read as their digits', () => {
    const s = valid(
      scenario({
        electorate: { flats: [{ flat: 101, owner: '甲', area_m2: 60 }] },
        roles: [role('secretary', { chair: true }), ownerCard('a', [101 as unknown as string])],
      }),
    );
    expect(s.electorate?.owners[0]?.flats).toEqual(['101']);
    expect(s.roles[1]?.standsFor).toEqual(['101']);
  });

  it('written ballots reach the engine, never the room: the public scenario leaves them out', () => {
    const s = valid(
      scenario({
        electorate: {
          flats: [
            { flat: '101', owner: '甲', area_m2: 60 },
            { flat: '102', owner: '乙', area_m2: 60 },
          ],
        },
        roles: [role('secretary', { chair: true }), ownerCard('a', ['101'])],
        agenda: [vote({ ballot: 'secret', written_ballots: { flats: [{ flat: '102', choice: 'no' }] } })],
      }),
    );
    expect(s.agenda[0]).toMatchObject({
      writtenBallots: { flats: [{ owner: '102', flat: '102', choice: 'no' }] },
    });
    const shown = publicScenario(s);
    expect(JSON.stringify(shown.agenda)).not.toContain('writtenBallots');
    expect(shown.electorate).toEqual({
      title: { zh: '全体业主', en: 'all owners' },
      total: { owners: 2, area_m2: 120 },
    });
  });
});

describe('an electorate that does not add up', () => {
  const two = [
    { flat: '101', owner: '甲', area_m2: 60 },
    { flat: '102', owner: '乙', area_m2: 60 },
  ];
  /** The chair, and an owner card for 101 (whose area comes from the flats). */
  const ownerOf101 = [role('secretary', { chair: true }), ownerCard('a', ['101'])];

  /** [code, path] where only the place matters, [code, path, message] where the words are the point. */
  type Found = [code: string, path: string] | [code: string, path: string, message: string];
  interface Refusal {
    name: string;
    data: Data;
    found: Found[];
  }

  const REFUSALS: Refusal[] = [
    {
      name: 'more owners listed than the total',
      data: scenario({ electorate: { flats: two, total: { owners: 1, area_m2: 500 } } }),
      found: [
        [
          SCENARIO_ISSUE.electorateTotal,
          'electorate.total.owners',
          'the flats listed belong to 2 owners, more than total.owners 1',
        ],
      ],
    },
    {
      name: 'more area listed than the total',
      data: scenario({ electorate: { flats: two, total: { owners: 5, area_m2: 100 } } }),
      found: [
        [
          SCENARIO_ISSUE.electorateTotal,
          'electorate.total.area_m2',
          'the flats listed add up to 120 m², more than total.area_m2 100 m²',
        ],
      ],
    },
    {
      // 5 owners in all, 2 listed with 60 + 60 = 120 m² of the 120: nothing left for the other 3.
      name: 'owners not listed with no area left for them',
      data: scenario({ electorate: { flats: two, total: { owners: 5, area_m2: 120 } } }),
      found: [
        [
          SCENARIO_ISSUE.electorateTotal,
          'electorate.total.area_m2',
          'the listed flats already hold all 120 m², leaving none for the 3 owners not listed',
        ],
      ],
    },
    {
      name: 'a flat with no owner',
      data: scenario({ electorate: { flats: [{ flat: '101', area_m2: 60 }] } }),
      found: [
        [
          SCENARIO_ISSUE.missingKey,
          'electorate.flats[0].owner',
          'missing required key "owner" for flat 101 (or developer: true for a flat the developer still holds)',
        ],
      ],
    },
    {
      name: 'a card that stands for an owner and also carries the same owner’s proxy',
      data: scenario({
        electorate: { flats: two },
        roles: [
          role('secretary', { chair: true }),
          role('a', { attributes: { owner: true }, stands_for: ['101'], proxy_for: ['101'] }),
        ],
      }),
      found: [
        [
          SCENARIO_ISSUE.ownerTwice,
          'roles[1].proxy_for[0]',
          'the owner of flat 101 (甲, flat 101) is already voted for at roles[1].stands_for; one owner casts one ballot',
        ],
      ],
    },
    {
      name: 'a weighted rule cannot count against the electorate',
      data: scenario({
        electorate: { flats: two },
        roles: ownerOf101,
        rules: { by_weight: { quorum: { headcount: '2/3' }, pass: { headcount: '>1/2' }, weight: 'weight' } },
        agenda: [vote({ rule: 'by_weight', eligible: ['a'] })],
      }),
      found: [
        [SCENARIO_ISSUE.missingAttribute, 'agenda[0].eligible'],
        [SCENARIO_ISSUE.invalidValue, 'agenda[0].rule'],
      ],
    },
    {
      name: 'written ballots: unknown flat, one owner twice, a choice the vote does not offer',
      data: scenario({
        electorate: { flats: two },
        roles: ownerOf101,
        agenda: [
          vote({
            options: ['yes', 'no'],
            written_ballots: {
              flats: [
                { flat: '909', choice: 'yes' },
                { flat: '102', choice: 'yes' },
                { flat: '102', choice: 'abstain' },
              ],
            },
          }),
        ],
      }),
      found: [
        [SCENARIO_ISSUE.unknownFlat, 'agenda[0].written_ballots.flats[0].flat'],
        [SCENARIO_ISSUE.ownerTwice, 'agenda[0].written_ballots.flats[2].flat'],
        [SCENARIO_ISSUE.invalidValue, 'agenda[0].written_ballots.flats[2].choice'],
      ],
    },
    {
      name: 'written ballots need a vote that counts against an electorate',
      data: scenario({
        electorate: { flats: two },
        roles: ownerOf101,
        agenda: [
          vote({ rule: 'simple_majority', written_ballots: { flats: [{ flat: '102', choice: 'yes' }] } }),
        ],
      }),
      found: [
        [
          SCENARIO_ISSUE.noElectorate,
          'agenda[0].written_ballots',
          'written ballots count against the electorate, so the vote needs a rule with a quorum (owners_ordinary, owners_special or your own)',
        ],
      ],
    },
    {
      name: 'a tally where every owner is listed by flat',
      data: scenario({
        electorate: { flats: two },
        roles: ownerOf101,
        agenda: [vote({ written_ballots: { tally: { yes: { owners: 1, area_m2: 60 } } } })],
      }),
      found: [[SCENARIO_ISSUE.electorateTotal, 'agenda[0].written_ballots.tally']],
    },
    {
      // (No stands_for here: without an electorate there is nothing for it to name.)
      name: 'an owners vote without an electorate needs every card to carry its own area, as before',
      data: scenario({
        roles: [role('secretary', { chair: true }), role('a', { attributes: { owner: true } })],
      }),
      found: [[SCENARIO_ISSUE.missingAttribute, 'agenda[0].eligible']],
    },
  ];

  it.each(REFUSALS.map((r) => [r.name, r] as const))('%s', (_name, { data, found }) => {
    const withWords = found.some((f) => f.length === 3);
    const issues = problems(data);
    expect(withWords ? issues : issues.map(([code, path]) => [code, path])).toEqual(found);
  });

  it('with an electorate, areas come from the flats: the cards need none', () => {
    valid(scenario({ electorate: { flats: two }, roles: ownerOf101 }));
  });
});

describe('warnings', () => {
  const text = [
    'schema: 1',
    'id: owners',
    'title: t',
    'summary: s',
    'meeting: assembly',
    'duration: 20m',
    'background: b',
    'roles:',
    '  - { id: chair, name: Chair, chair: true, public: p, brief: b }',
    '  - { id: a, name: A, public: p, brief: b, attributes: { owner: true, area_m2: 60 } }',
    'agenda:',
    '  - { id: decide, title: Decide, kind: vote, motion: M, rule: owners_special, eligible: [a] }',
    '',
  ].join('\n');

  it('an owners_* vote with no electorate is valid, with a warning located like an error', () => {
    const result = loadScenarioSource(text, 'owners.yaml', 'owners');
    if (!result.ok) throw new Error('expected a valid scenario');
    expect(result.warnings.map(formatIssue)).toEqual([
      'owners.yaml:12:63: agenda[0].rule: "Decide" uses owners_special, but the scenario declares no electorate: its quorum counts only the cards in the room, so absent owners can never sink it (add electorate:) [scenario/room_as_electorate]',
    ]);
  });

  it('no warning once the electorate is declared', () => {
    const withElectorate = text
      .replace(
        ', attributes: { owner: true, area_m2: 60 } }',
        ', attributes: { owner: true }, stands_for: ["101"] }',
      )
      .concat('electorate:\n  flats:\n    - { flat: "101", owner: 甲, area_m2: 60 }\n');
    const result = loadScenarioSource(withElectorate, 'owners.yaml', 'owners');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.warnings).toEqual([]);
  });
});
