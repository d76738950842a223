// "Try it": the dry run (shared/meeting/simulate.ts) in a full class and in
// the smallest class the seats allow, plus the checks a run cannot show by
// chance, as findings that name the field to fix. Pure: the studio runs it in
// the browser, the tests run it on fixtures.
import { classSize } from '../meeting/seats.ts';
import { simulateMeeting } from '../meeting/simulate.ts';
import type { SimulationProblem } from '../meeting/simulate-room.ts';
import type { Item, LocalText, Role, Scenario } from '../scenario/index.ts';
import { meetsFraction } from '../scenario/primitives.ts';
import { quorumReach } from './quorum.ts';
import type { StudioPath } from './yaml-edit.ts';

export type FindingKind =
  | 'nobody_may_speak'
  | 'quorum_unreachable'
  | 'inject_unreachable'
  | 'more_than_seats'
  | 'no_voter'
  | 'cannot_start';

export interface Finding {
  kind: FindingKind;
  /** The field to fix, as the form addresses it. */
  path: StudioPath;
  message: LocalText;
}

const itemPath = (scenario: Scenario, id: string | null, key?: string): StudioPath => {
  const index = scenario.agenda.findIndex((i) => i.id === id);
  if (index < 0) return ['agenda'];
  return key ? ['agenda', index, key] : ['agenda', index];
};

const q = (text: LocalText) => ({ zh: `“${text.zh}”`, en: `"${text.en}"` });

/** A vote of the electorate whose quorum no turnout can reach: every card and every written ballot counted. */
function unreachableQuorum(scenario: Scenario, item: Item, index: number): Finding | null {
  const reach = quorumReach(scenario, item);
  if (!reach) return null;
  const { heads, area, quorum, total } = reach;
  const electorate = { total };
  const short =
    (quorum.headcount && !meetsFraction(heads, total.owners, quorum.headcount)) ||
    (quorum.area && !meetsFraction(area, total.area_m2, quorum.area));
  if (!short) return null;
  const title = q(item.title);
  return {
    kind: 'quorum_unreachable',
    path: ['agenda', index, 'rule'],
    message: {
      zh: `${title.zh}达不到法定人数：即使每张卡都投票、书面票全算上，也只有 ${heads}/${electorate.total.owners} 人、${area}/${electorate.total.area_m2} m²。请让更多卡代表业主（stands_for），加入书面票，或换一条规则。`,
      en: `${title.en} cannot reach its quorum: even if every card votes and every written ballot counts, that is ${heads} of ${electorate.total.owners} owners and ${area} of ${electorate.total.area_m2} m². Let more cards stand for owners, add written ballots, or choose another rule.`,
    },
  };
}

/** Checks that hold for every run, whatever the dice say. */
export function staticFindings(scenario: Scenario): Finding[] {
  const out: Finding[] = [];
  const roleById = new Map(scenario.roles.map((r) => [r.id, r]));
  scenario.agenda.forEach((item, index) => {
    const quorum = unreachableQuorum(scenario, item, index);
    if (quorum) out.push(quorum);
    if (item.kind === 'election') {
      const standing =
        item.candidates === 'nominate'
          ? scenario.roles.filter((r) => !r.npc)
          : item.candidates.map((id) => roleById.get(id)).filter((r): r is Role => r !== undefined && !r.npc);
      const most = standing.reduce((n, r) => n + r.seats.max, 0);
      if (most < item.seats) {
        const title = q(item.title);
        out.push({
          kind: 'more_than_seats',
          path: ['agenda', index, 'seats'],
          message: {
            zh: `${title.zh}要选 ${item.seats} 人，但最多只有 ${most} 名学员能当候选人。请减少应选人数，或让更多卡可以参选、可由更多人扮演。`,
            en: `${title.en} fills ${item.seats} seats, but at most ${most} trainees can stand. Fill fewer seats, or let more cards stand or be held by more trainees.`,
          },
        });
      }
    }
  });
  scenario.injects.forEach((inject, index) => {
    if (!Array.isArray(inject.to)) return;
    const holdable = inject.to.some((id) => {
      const role = roleById.get(id);
      return role !== undefined && !role.npc && role.seats.max > 0;
    });
    if (!holdable) {
      const title = q(inject.title);
      out.push({
        kind: 'inject_unreachable',
        path: ['injects', index, 'to'],
        message: {
          zh: `突发事件${title.zh}发给的卡没有学员能持有（专家扮演的卡收不到），没有人会收到它。请发给学员持有的卡，或发给所有人。`,
          en: `The inject ${title.en} goes to cards no trainee can hold (an expert's card receives nothing), so nobody receives it. Send it to a trainee's card, or to everyone.`,
        },
      });
    }
  });
  const size = classSize(scenario);
  const chairs = scenario.roles.filter((r) => r.chair && !r.npc);
  if (size.max === 0 || chairs.some((r) => r.seats.min > r.seats.max)) {
    out.push({
      kind: 'more_than_seats',
      path: ['roles'],
      message: {
        zh: `这个情景需要的学员比座位多：至少 ${size.min} 人，但所有卡加起来最多 ${size.max} 人。`,
        en: `This scenario needs more trainees than its seats allow: at least ${size.min}, but every card together seats at most ${size.max}.`,
      },
    });
  }
  return out;
}

function fromRun(scenario: Scenario, problem: SimulationProblem, trainees: number | null): Finding | null {
  const item = scenario.agenda.find((i) => i.id === problem.item);
  const title = item ? q(item.title) : { zh: '', en: '' };
  const inClass =
    trainees === null
      ? { zh: '', en: '' }
      : { zh: `在最少 ${trainees} 名学员的班里，`, en: `In the smallest class (${trainees} trainees), ` };
  switch (problem.reason) {
    case 'no_speaker': {
      const key = item?.kind === 'statement' ? 'speakers' : item?.kind === 'speakers' ? 'order' : undefined;
      return {
        kind: 'nobody_may_speak',
        path: itemPath(scenario, problem.item, key),
        message: {
          zh: `${inClass.zh}${title.zh}没有人可以发言：列出的发言人的卡可能没人持有。请加一位总会到场的发言人（如主持人），或把这张卡设为必须有人扮演。`,
          en: `${inClass.en}nobody may speak in ${title.en}: the cards of its listed speakers may be left unheld. Add a speaker who is always there (such as the chair), or make that card one that must be held.`,
        },
      };
    }
    case 'no_voter':
    case 'no_candidate':
      return {
        kind: 'no_voter',
        path: itemPath(scenario, problem.item, problem.reason === 'no_voter' ? 'eligible' : 'candidates'),
        message: {
          zh: `${inClass.zh}${title.zh}没有人能${problem.reason === 'no_voter' ? '投票' : '当候选人'}。`,
          en: `${inClass.en}nobody can ${problem.reason === 'no_voter' ? 'vote' : 'stand'} in ${title.en}.`,
        },
      };
    case 'cannot_start':
      return {
        kind: 'cannot_start',
        path: ['roles'],
        message: {
          zh: `${inClass.zh}会议无法开始：必须有人扮演的卡没有人持有。`,
          en: `${inClass.en}the meeting cannot start: cards that must be held are not held.`,
        },
      };
    default:
      return null;
  }
}

export interface TryItResult {
  /** The full class's run: the session for the minutes, whether it reached the debrief. */
  run: ReturnType<typeof simulateMeeting>;
  findings: Finding[];
  smallestClass: number;
}

/** The dry run in a full class and in the smallest one, and the static checks, findings deduplicated. */
export function tryIt(scenario: Scenario, seed = 1): TryItResult {
  const run = simulateMeeting(scenario, { seed });
  const smallestClass = Math.max(1, classSize(scenario).min);
  const small = simulateMeeting(scenario, { seed, trainees: smallestClass });
  const findings = [
    ...staticFindings(scenario),
    ...run.problems.map((p) => fromRun(scenario, p, null)),
    ...small.problems.map((p) => fromRun(scenario, p, smallestClass)),
  ].filter((f): f is Finding => f !== null);
  const seen = new Set<string>();
  return {
    run,
    smallestClass,
    findings: findings.filter((f) => {
      const key = `${f.kind}:${f.path.join('.')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}
