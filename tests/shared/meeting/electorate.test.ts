// Art. 278 against the whole electorate, worked by hand. Each case is a small
// building: its register (flat, owner, area), the cards in the room, the
// ballots (in the room, on paper at the console, tallied), and the count the
// law gives. Quorum: at least 2/3 of all owners' area AND of all owners take
// part (以上 includes the number, art. 1259). Consent, of those taking part:
// ordinary matters more than half of each (exactly half fails), special
// matters (items 6–8) at least 3/4 of each (exactly 3/4 passes). Abstaining
// is taking part. Owners are counted as SPC interpretation art. 9 counts
// them. The arithmetic is in the comments; the engine must agree.
import { describe, expect, it } from 'vitest';
import type { Choice, FailedCondition, Measure } from '../../../shared/meeting/rules.ts';
import {
  type CardSpec,
  type ElectorateSetup,
  type FlatRow,
  runVote,
  type Step,
} from '../../support/electorate-fixture.ts';

/** Six flats of 60 m² each: 6 owners, 360 m². Quorum: ≥ 4 owners and ≥ 240 m². */
const SIX_EVEN: FlatRow[] = [
  ['101', '甲', 60],
  ['102', '乙', 60],
  ['201', '丙', 60],
  ['202', '丁', 60],
  ['301', '戊', 60],
  ['302', '己', 60],
];
const own = (...flats: string[]): CardSpec[] => flats.map((f) => ({ id: `o${f}`, stands_for: [f] }));
/** Ballots cast in the room, one card after another, all with the same choice. */
const inRoom = (choice: Choice, ...cards: string[]): Step[] => cards.map((cast) => ({ cast, choice }));

/**
 * Building 12 of the elevator scenario: six flats of 71.8 m² (x01) and six of
 * 52.3 m² (x02): 12 owners, 744.6 m². Quorum: ≥ 8 owners (12 × 2/3) and
 * ≥ 496.4 m² (744.6 × 2/3).
 */
const BUILDING_12: FlatRow[] = [1, 2, 3, 4, 5, 6].flatMap((floor): FlatRow[] => [
  [`${floor}01`, `业主${floor}01`, 71.8],
  [`${floor}02`, `业主${floor}02`, 52.3],
]);

/** Three flats of 60 m²: 3 owners, 180 m². Quorum: ≥ 2 owners and ≥ 120 m². */
const THREE_EVEN: FlatRow[] = [
  ['101', '甲', 60],
  ['102', '乙', 60],
  ['201', '丙', 60],
];
/** The three flats, only 101's owner in the room: the others vote on paper or not at all. */
const THREE_ONE_IN_ROOM: ElectorateSetup = { flats: THREE_EVEN, cards: own('101'), rule: 'owners_ordinary' };

/** Five flats of 60 m² under one crowd card: 5 owners, 300 m². */
const CROWD_FLATS: FlatRow[] = [
  ['301', '甲', 60],
  ['302', '乙', 60],
  ['401', '丙', 60],
  ['402', '丁', 60],
  ['501', '戊', 60],
];
const CROWD = CROWD_FLATS.map(([flat]) => flat);

/**
 * An estate listed only by the flats the cards stand for: 101, 102 (100 m²
 * each), of 10 owners and 1,000 m² in all; the other 8 owners hold 800 m².
 */
const ESTATE: ElectorateSetup = {
  flats: [
    ['101', '甲', 100],
    ['102', '乙', 100],
  ],
  total: { owners: 10, area_m2: 1000 },
  cards: own('101', '102'),
  rule: 'owners_ordinary',
};

/** Four flats of 50 m²: 4 owners, 200 m²; everyone takes part. */
const FOUR_EVEN: FlatRow[] = [
  ['101', 'A', 50],
  ['102', 'B', 50],
  ['201', 'C', 50],
  ['202', 'D', 50],
];

interface Case {
  name: string;
  setup: ElectorateSetup;
  steps: Step[];
  eligible: [owners: number, m2: number];
  participating: [owners: number, m2: number];
  yes: [owners: number, m2: number];
  passed: boolean;
  failed: FailedCondition[];
  refused?: string[];
}

const m = ([headcount, area]: [number, number]): Measure => ({ headcount, area });

const CASES: Case[] = [
  {
    // 4 of 6 owners take part: 4 × 3 = 12 ≥ 6 × 2 = 12, exactly 2/3 — met (以上 includes 2/3).
    // Area 4 × 60 = 240 of 360: 240 × 3 = 720 ≥ 360 × 2 = 720 — exactly 2/3, met.
    // Yes 3 of 4 (> 1/2) and 180 of 240 m² (> 1/2): an ordinary matter passes.
    name: 'exactly 2/3 of the owners and of the area take part: the quorum is met',
    setup: { flats: SIX_EVEN, cards: own('101', '102', '201', '202'), rule: 'owners_ordinary' },
    steps: [...inRoom('yes', 'o101', 'o102', 'o201'), { cast: 'o202', choice: 'no' }],
    eligible: [6, 360],
    participating: [4, 240],
    yes: [3, 180],
    passed: true,
    failed: [],
  },
  {
    // Flat 202 is 59.9 m² and 302 is 60.1 m² (total still 360). 101, 102, 201, 202 take part:
    // 4 of 6 owners (exactly 2/3, met), but 60 + 60 + 60 + 59.9 = 239.9 m²:
    // 239.9 × 3 = 719.7 < 720 — just under 2/3 by area. No quorum, whatever the ballots say.
    name: 'just under 2/3 of the area takes part: the quorum fails on area alone',
    setup: {
      flats: [
        ['101', '甲', 60],
        ['102', '乙', 60],
        ['201', '丙', 60],
        ['202', '丁', 59.9],
        ['301', '戊', 60],
        ['302', '己', 60.1],
      ],
      cards: own('101', '102', '201', '202'),
      rule: 'owners_ordinary',
    },
    steps: inRoom('yes', 'o101', 'o102', 'o201', 'o202'),
    eligible: [6, 360],
    participating: [4, 239.9],
    yes: [4, 239.9],
    passed: false,
    failed: ['quorum_area'],
  },
  {
    // Five owners, 400 m²: 101, 102, 201 hold 100 m² each, 202 and 301 50 m² each.
    // 101, 102, 201 take part: area 300 of 400 = 75% (met), but 3 of 5 owners:
    // 3 × 3 = 9 < 5 × 2 = 10 — 60%, just under 2/3 by headcount.
    name: 'just under 2/3 of the owners take part: the quorum fails on headcount alone',
    setup: {
      flats: [
        ['101', '甲', 100],
        ['102', '乙', 100],
        ['201', '丙', 100],
        ['202', '丁', 50],
        ['301', '戊', 50],
      ],
      cards: own('101', '102', '201'),
      rule: 'owners_ordinary',
    },
    steps: inRoom('yes', 'o101', 'o102', 'o201'),
    eligible: [5, 400],
    participating: [3, 300],
    yes: [3, 300],
    passed: false,
    failed: ['quorum_headcount'],
  },
  {
    // Building 12; in the room: 101 (71.8), 102, 202, 602 (52.3 each), 501 (71.8).
    // All five vote yes: 100% of those taking part. But 5 of 12 owners (5 × 3 = 15 < 24)
    // and 71.8 × 2 + 52.3 × 3 = 300.5 m² of 744.6 (901.5 < 1,489.2): the seven absent
    // owners sink the quorum on both counts.
    name: 'everyone in the room votes yes, but the absent owners sink the quorum',
    setup: { flats: BUILDING_12, cards: own('101', '102', '202', '501', '602'), rule: 'owners_special' },
    steps: inRoom('yes', 'o101', 'o102', 'o202', 'o501', 'o602'),
    eligible: [12, 744.6],
    participating: [5, 300.5],
    yes: [5, 300.5],
    passed: false,
    failed: ['quorum_area', 'quorum_headcount'],
  },
  {
    // The same room, and three signed household forms entered at the console:
    // 201, 301, 401 (71.8 each), all yes. Taking part: 8 of 12 owners (24 ≥ 24, exactly 2/3)
    // and 300.5 + 3 × 71.8 = 515.9 m² (515.9 × 3 = 1,547.7 ≥ 1,489.2). Quorum met.
    // Yes 8 of 8 and 515.9 of 515.9 m²: at least 3/4, the special matter passes.
    name: 'paper ballots entered at the console lift participation over 2/3',
    setup: { flats: BUILDING_12, cards: own('101', '102', '202', '501', '602'), rule: 'owners_special' },
    steps: [
      ...inRoom('yes', 'o101', 'o102', 'o202', 'o501', 'o602'),
      { paper: '201', choice: 'yes' },
      { paper: '301', choice: 'yes' },
      { paper: '401', choice: 'yes' },
    ],
    eligible: [12, 744.6],
    participating: [8, 515.9],
    yes: [8, 515.9],
    passed: true,
    failed: [],
  },
  {
    // Written ballots declared in the scenario count from the moment the vote opens:
    // 301 yes, 302 no (60 m² each). The room adds 101 and 102, both yes.
    // Taking part: 4 of 6 owners, 240 of 360 m² (exactly 2/3 of each: met).
    // Yes 3 of 4 and 180 of 240 m² (> 1/2): passes.
    name: 'written ballots returned before the meeting count from the opening',
    setup: {
      flats: SIX_EVEN,
      cards: own('101', '102'),
      rule: 'owners_ordinary',
      written: {
        flats: [
          { flat: '301', choice: 'yes' },
          { flat: '302', choice: 'no' },
        ],
      },
    },
    steps: inRoom('yes', 'o101', 'o102'),
    eligible: [6, 360],
    participating: [4, 240],
    yes: [3, 180],
    passed: true,
    failed: [],
  },
  {
    // 甲 owns 101 and 102 (50 m² each): one buyer of two flats is one owner with 100 m².
    // Owners: 甲 (100), 乙 (201, 100), 丙 (202, 100): 3 owners, 300 m² — not 4.
    // 甲 votes yes, 乙 no: 2 of 3 owners (exactly 2/3) and 200 of 300 m² take part: quorum met.
    // Yes 1 of 2 owners and 100 of 200 m²: exactly half, not more than half — fails.
    name: 'an owner of two flats counts once, with both areas added',
    setup: {
      flats: [
        ['101', '甲', 50],
        ['102', '甲', 50],
        ['201', '乙', 100],
        ['202', '丙', 100],
      ],
      cards: [{ id: 'jia', stands_for: ['101', '102'] }, ...own('201')],
      rule: 'owners_ordinary',
    },
    steps: [
      { cast: 'jia', choice: 'yes' },
      { cast: 'o201', choice: 'no' },
    ],
    eligible: [3, 300],
    participating: [2, 200],
    yes: [1, 100],
    passed: false,
    failed: ['pass_area', 'pass_headcount'],
  },
  {
    // 101 belongs to a couple, 张伟 and 李娟: co-owners of a flat are one owner.
    // Owners: 101 (张伟、李娟), 102 王芳, 201 赵强, 80 m² each: 3 owners, 240 m².
    // 101 and 102 vote yes: 2 of 3 owners (exactly 2/3), 160 of 240 m² (exactly 2/3): met.
    // Yes 2 of 2: passes.
    name: 'co-owners of a flat are one owner',
    setup: {
      flats: [
        ['101', ['张伟', '李娟'], 80],
        ['102', '王芳', 80],
        ['201', '赵强', 80],
      ],
      cards: own('101', '102'),
      rule: 'owners_ordinary',
    },
    steps: inRoom('yes', 'o101', 'o102'),
    eligible: [3, 240],
    participating: [2, 160],
    yes: [2, 160],
    passed: true,
    failed: [],
  },
  {
    // The developer still holds 201, 202 and 301 (100 m² each): one owner with 300 m².
    // Owners: 甲 (101, 100), 乙 (102, 100), the developer (300): 3 owners, 500 m².
    // The developer's representative votes yes, 甲 no: 2 of 3 owners and 400 of 500 m² take part.
    // Yes: 1 of 2 owners, exactly half — fails; 300 of 400 m² = 75% — more than half, met.
    name: "the developer's unsold flats are one owner, their area counted",
    setup: {
      flats: [
        ['101', '甲', 100],
        ['102', '乙', 100],
        ['201', null, 100],
        ['202', null, 100],
        ['301', null, 100],
      ],
      cards: [{ id: 'developer', stands_for: ['201', '202', '301'] }, ...own('101')],
      rule: 'owners_ordinary',
    },
    steps: [
      { cast: 'developer', choice: 'yes' },
      { cast: 'o101', choice: 'no' },
    ],
    eligible: [3, 500],
    participating: [2, 400],
    yes: [1, 300],
    passed: false,
    failed: ['pass_headcount'],
  },
  {
    // 201's owner is away; her son holds her written proxy and votes for her, counted as her.
    // 3 owners of 60 m²: 101 and the proxy for 201 vote yes: 2 of 3 owners, 120 of 180 m²
    // (exactly 2/3 of each): met. Yes 2 of 2: passes.
    name: 'a proxy casts the absent owner’s ballot, counted as that owner',
    setup: {
      flats: THREE_EVEN,
      cards: [...own('101'), { id: 'son', proxy_for: ['201'] }],
      rule: 'owners_ordinary',
    },
    steps: inRoom('yes', 'o101', 'son'),
    eligible: [3, 180],
    participating: [2, 120],
    yes: [2, 120],
    passed: true,
    failed: [],
  },
  {
    // One trainee holds the crowd card for 301, 302, 401, 402, 501 (60 m² each: 5 owners, 300 m²)
    // and splits it: yes for 301, 302, 401; no for 402; nothing for 501.
    // Taking part: 4 of 5 owners (80%), 240 of 300 m² (80%): met.
    // Yes 3 of 4 = 75% and 180 of 240 m² = 75%: at least 3/4 — the special matter passes.
    name: 'a crowd card casts one ballot per owner, split between choices',
    setup: {
      flats: CROWD_FLATS,
      cards: [{ id: 'crowd', stands_for: CROWD }],
      rule: 'owners_special',
    },
    steps: [
      { cast: 'crowd', choice: 'yes', flats: ['301', '302', '401'] },
      { cast: 'crowd', choice: 'no', flats: ['402'] },
    ],
    eligible: [5, 300],
    participating: [4, 240],
    yes: [3, 180],
    passed: true,
    failed: [],
  },
  {
    // The same crowd card, one ballot without naming flats: the same choice for all five owners.
    // 5 of 5 owners, 300 of 300 m² take part; yes 5 of 5: passes.
    name: 'a crowd card votes the same for all its owners by default',
    setup: {
      flats: CROWD_FLATS,
      cards: [{ id: 'crowd', stands_for: CROWD }],
      rule: 'owners_special',
    },
    steps: [{ cast: 'crowd', choice: 'yes' }],
    eligible: [5, 300],
    participating: [5, 300],
    yes: [5, 300],
    passed: true,
    failed: [],
  },
  {
    // Two trainees hold the crowd card: its five owners are shared in joining order, in runs:
    // the first holder casts for 301, 302 (⌊0·5/2⌋ to ⌊1·5/2⌋ = 0..2), the second for 401, 402, 501.
    // First yes, second no: 5 of 5 take part; yes 2 of 5 = 40% and 120 of 300 m²: fails.
    name: 'a crowd card held by two trainees shares its owners between them',
    setup: {
      flats: CROWD_FLATS,
      cards: [{ id: 'crowd', stands_for: CROWD, holders: 2 }],
      rule: 'owners_ordinary',
    },
    steps: [
      { cast: 'crowd#1', choice: 'yes' },
      { cast: 'crowd#2', choice: 'no' },
    ],
    eligible: [5, 300],
    participating: [5, 300],
    yes: [2, 120],
    passed: false,
    failed: ['pass_area', 'pass_headcount'],
  },
  {
    // Four owners of 50 m², all take part. Yes: 101, 102; no: 201, 202.
    // Yes 2 of 4 owners and 100 of 200 m²: exactly half. 过半数 means more than half: fails on both.
    name: 'an ordinary matter at exactly half fails',
    setup: { flats: FOUR_EVEN, cards: own('101', '102', '201', '202'), rule: 'owners_ordinary' },
    steps: [...inRoom('yes', 'o101', 'o102'), ...inRoom('no', 'o201', 'o202')],
    eligible: [4, 200],
    participating: [4, 200],
    yes: [2, 100],
    passed: false,
    failed: ['pass_area', 'pass_headcount'],
  },
  {
    // Four owners of 50 m². Yes: 101, 102, 201; no: 202.
    // Yes 3 of 4 owners (3 × 4 = 12 ≥ 4 × 3 = 12) and 150 of 200 m²: exactly 3/4 — 以上 includes it: passes.
    name: 'a special matter at exactly 3/4 passes',
    setup: { flats: FOUR_EVEN, cards: own('101', '102', '201', '202'), rule: 'owners_special' },
    steps: [...inRoom('yes', 'o101', 'o102', 'o201'), { cast: 'o202', choice: 'no' }],
    eligible: [4, 200],
    participating: [4, 200],
    yes: [3, 150],
    passed: true,
    failed: [],
  },
  {
    // 201 is 49.9 m² and 202 50.1 m² (200 in all). Yes: 101, 102, 201; no: 202.
    // Heads 3 of 4: exactly 3/4, met. Area 50 + 50 + 49.9 = 149.9 of 200: 149.9 × 4 = 599.6 < 600 — fails.
    name: 'a special matter just under 3/4 of the area fails',
    setup: {
      flats: [
        ['101', 'A', 50],
        ['102', 'B', 50],
        ['201', 'C', 49.9],
        ['202', 'D', 50.1],
      ],
      cards: own('101', '102', '201', '202'),
      rule: 'owners_special',
    },
    steps: [...inRoom('yes', 'o101', 'o102', 'o201'), { cast: 'o202', choice: 'no' }],
    eligible: [4, 200],
    participating: [4, 200],
    yes: [3, 149.9],
    passed: false,
    failed: ['pass_area'],
  },
  {
    // Six owners of 60 m². 101, 102 yes; 201, 202 abstain. Abstaining is taking part:
    // 4 of 6 owners and 240 of 360 m² (exactly 2/3 of each): the quorum is met only because
    // of the abstentions (2 voters alone would be 1/3). And they are in the consent base:
    // yes 2 of 4 and 120 of 240 m², exactly half — fails.
    name: 'abstentions count as taking part, in the quorum and in the base of consent',
    setup: { flats: SIX_EVEN, cards: own('101', '102', '201', '202'), rule: 'owners_ordinary' },
    steps: [...inRoom('yes', 'o101', 'o102'), ...inRoom('abstain', 'o201', 'o202')],
    eligible: [6, 360],
    participating: [4, 240],
    yes: [2, 120],
    passed: false,
    failed: ['pass_area', 'pass_headcount'],
  },
  {
    // 101 votes yes in the room; then a paper ballot "no" for 101 arrives: refused, the room
    // ballot stands. Paper 102 yes and 201 yes: 3 of 3 take part, yes 3 of 3.
    name: 'a paper ballot for an owner who already voted in the room is refused',
    setup: THREE_ONE_IN_ROOM,
    steps: [
      { cast: 'o101', choice: 'yes' },
      { paper: '101', choice: 'no' },
      { paper: '102', choice: 'yes' },
      { paper: '201', choice: 'yes' },
    ],
    eligible: [3, 180],
    participating: [3, 180],
    yes: [3, 180],
    passed: true,
    failed: [],
    refused: ['vote/already_voted'],
  },
  {
    // 201's form is entered "yes", then a second form for 201 saying "no": refused, the first stands.
    // 101 (room) yes, 201 (paper) yes: 2 of 3 owners, 120 of 180 m²: met; yes 2 of 2.
    name: 'a duplicate paper ballot is refused; the first counted stands',
    setup: THREE_ONE_IN_ROOM,
    steps: [
      { cast: 'o101', choice: 'yes' },
      { paper: '201', choice: 'yes' },
      { paper: '201', choice: 'no' },
    ],
    eligible: [3, 180],
    participating: [2, 120],
    yes: [2, 120],
    passed: true,
    failed: [],
    refused: ['vote/already_voted'],
  },
  {
    // A crowd card for 301 and 302 (60 m² each); 302's form came in on paper, "no".
    // The card's holder then votes yes without naming flats: that ballot goes to 301 only.
    // Naming 302 is refused: one owner, one ballot. 2 of 2 take part; yes 1 of 2: exactly half, fails.
    name: 'the room cannot vote for an owner whose paper ballot is in',
    setup: {
      flats: [
        ['301', '甲', 60],
        ['302', '乙', 60],
      ],
      cards: [{ id: 'crowd', stands_for: ['301', '302'] }],
      rule: 'owners_ordinary',
    },
    steps: [
      { paper: '302', choice: 'no' },
      { cast: 'crowd', choice: 'yes' },
      { cast: 'crowd', choice: 'yes', flats: ['302'] },
    ],
    eligible: [2, 120],
    participating: [2, 120],
    yes: [1, 60],
    passed: false,
    failed: ['pass_area', 'pass_headcount'],
    refused: ['vote/already_voted'],
  },
  {
    // 201 is entered "no" by mistake, then corrected to "yes"; 202 is entered for the wrong flat
    // and withdrawn. 101 (room) yes, 201 (corrected) yes: 2 of 3 owners, 120 of 180 m²: met.
    // Yes 2 of 2: passes. 202 does not take part after the withdrawal.
    name: 'corrections replace a mis-entered paper ballot, or take it back out',
    setup: {
      flats: [
        ['101', '甲', 60],
        ['201', '乙', 60],
        ['202', '丙', 60],
      ],
      cards: own('101'),
      rule: 'owners_ordinary',
    },
    steps: [
      { cast: 'o101', choice: 'yes' },
      { paper: '201', choice: 'no' },
      { correct: '201', choice: 'yes' },
      { paper: '202', choice: 'no' },
      { correct: '202', withdraw: true },
    ],
    eligible: [3, 180],
    participating: [2, 120],
    yes: [2, 120],
    passed: true,
    failed: [],
  },
  {
    // ESTATE: 101, 102 (100 m² each) listed, of 10 owners and 1,000 m²; 8 owners, 800 m² not listed.
    // The room: 101, 102 yes. A tally from the ballot box: 5 owners, 480 m², yes.
    // Taking part: 7 of 10 (21 ≥ 20) and 680 of 1,000 m² (2,040 ≥ 2,000): met.
    // Yes 7 of 7: passes.
    name: 'an estate given as a total: tallies of owners not listed by flat',
    setup: ESTATE,
    steps: [...inRoom('yes', 'o101', 'o102'), { tally: 'yes', owners: 5, area_m2: 480 }],
    eligible: [10, 1000],
    participating: [7, 680],
    yes: [7, 680],
    passed: true,
    failed: [],
  },
  {
    // The same estate: 8 owners and 800 m² not listed. Tally yes 5 owners, 480 m² (fine);
    // then "no, 4 owners, 100 m²" would make 9 owners > 8: refused, nothing changes;
    // "no, 3 owners, 400 m²" would make 880 m² > 800: refused too. A correction of the
    // first entry to 4 owners, 420 m² is within the electorate.
    // Taking part: 2 + 4 = 6 of 10 (18 < 20) and 200 + 420 = 620 of 1,000 m² (1,860 < 2,000):
    // no quorum on either count.
    name: 'a tally exceeding the electorate is refused and changes nothing',
    setup: ESTATE,
    steps: [
      ...inRoom('yes', 'o101', 'o102'),
      { tally: 'yes', owners: 5, area_m2: 480 },
      { tally: 'no', owners: 4, area_m2: 100 },
      { tally: 'no', owners: 3, area_m2: 400 },
      { tallyCorrect: 0, owners: 4, area_m2: 420 },
    ],
    eligible: [10, 1000],
    participating: [6, 620],
    yes: [6, 620],
    passed: false,
    failed: ['quorum_area', 'quorum_headcount'],
    refused: ['vote/tally_exceeds_electorate', 'vote/tally_exceeds_electorate'],
  },
];

describe('art. 278 against the whole electorate', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { record, refused } = runVote(c.setup, c.steps);
    const o = record.outcome;
    expect(o.eligible).toEqual(m(c.eligible));
    expect(o.participating).toEqual(m(c.participating));
    expect(o.yes).toEqual(m(c.yes));
    expect(o.failed).toEqual(c.failed);
    expect(o.passed).toBe(c.passed);
    expect(refused).toEqual(c.refused ?? []);
  });

  it('has at least twenty cases worked by hand', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });
});

describe('one owner, one ballot', () => {
  it('a refused paper ballot adds nothing to the log; entries and corrections are logged with who entered them', () => {
    const { electorate, logged } = runVote(THREE_ONE_IN_ROOM, [
      { cast: 'o101', choice: 'yes' },
      { paper: '101', choice: 'no' },
      { paper: '201', choice: 'no' },
      { correct: '201', choice: 'yes' },
    ]);
    // The cast, the entry and the correction: three entries; the refused one none.
    expect(logged).toBe(3);
    expect(electorate?.paper).toEqual([
      expect.objectContaining({ action: 'enter', flat: '201', choice: 'no', by: { kind: 'facilitator' } }),
      expect.objectContaining({
        action: 'correct',
        flat: '201',
        choice: 'yes',
        was: { source: 'paper', choice: 'no' },
        by: { kind: 'facilitator' },
      }),
    ]);
    expect(electorate?.ballots['101']).toMatchObject({ source: 'room', seat: 'p-o101-1', choice: 'yes' });
  });

  it('refuses with a message that says what happened and what to do', () => {
    const { messages } = runVote(THREE_ONE_IN_ROOM, [
      { cast: 'o101', choice: 'yes' },
      { paper: '101', choice: 'no' },
      { paper: '201', choice: 'no' },
      { paper: '201', choice: 'yes' },
    ]);
    expect(messages).toEqual([
      'the owner of flat 101 (甲) has already voted in the room; one owner, one ballot: the first counted stands',
      'the owner of flat 201 (丙) already has a paper ballot; one owner, one ballot: the first counted stands (correct it if it was entered wrongly)',
    ]);
  });

  it('a trainee cannot cast for an owner their card does not stand for', () => {
    const { refused } = runVote(
      {
        flats: THREE_EVEN,
        cards: [
          { id: 'a', stands_for: ['101'] },
          { id: 'b', stands_for: ['102'] },
        ],
        rule: 'owners_ordinary',
      },
      [{ cast: 'a', choice: 'yes', flats: ['102'] }],
    );
    expect(refused).toEqual(['vote/not_your_owner']);
  });

  it('a paper ballot for a flat outside the electorate is refused', () => {
    const { refused } = runVote(THREE_ONE_IN_ROOM, [{ paper: '909', choice: 'yes' }]);
    expect(refused).toEqual(['vote/unknown_flat']);
  });

  it('tallies are refused where every owner is listed by flat', () => {
    const { refused } = runVote(THREE_ONE_IN_ROOM, [{ tally: 'yes', owners: 1, area_m2: 60 }]);
    expect(refused).toEqual(['vote/no_unlisted_owners']);
  });
});

describe('without a declared electorate, the room is the base, as before', () => {
  it('the same five yes votes that fail against building 12 pass when only the cards count', () => {
    // No electorate: each card is one seat with its own area_m2. 5 of 5 seats and
    // 71.8 × 2 + 52.3 × 3 = 300.5 of 300.5 m² take part (100%), yes 100%: owners_special passes.
    const cards: CardSpec[] = [
      { id: 'o101', area: 71.8 },
      { id: 'o102', area: 52.3 },
      { id: 'o202', area: 52.3 },
      { id: 'o501', area: 71.8 },
      { id: 'o602', area: 52.3 },
    ];
    const { record, electorate } = runVote(
      { cards, rule: 'owners_special' },
      cards.map((c): Step => ({ cast: c.id, choice: 'yes' })),
    );
    expect(electorate).toBeUndefined();
    expect(record.electorate).toBeUndefined();
    expect(record.outcome.eligible).toEqual({ headcount: 5, area: 300.5 });
    expect(record.outcome.participating).toEqual({ headcount: 5, area: 300.5 });
    expect(record.outcome.passed).toBe(true);
  });

  it('paper ballots are refused: there is no electorate to enter them for', () => {
    const { refused } = runVote({ cards: [{ id: 'o101', area: 60 }], rule: 'owners_ordinary' }, [
      { paper: '101', choice: 'yes' },
    ]);
    expect(refused).toEqual(['vote/no_electorate']);
  });
});
