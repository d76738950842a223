// A small owners' meeting for electorate tests: an electorate written as a
// table (flat, owner, area), cards that stand for owners or carry proxies,
// one vote, and a driver that seats the cards, opens the vote, plays a list
// of ballots (room, paper, tallies) and counts it. Every refusal is kept.
import type { Actor, Command } from '../../shared/meeting/commands.ts';
import type { BallotRecord } from '../../shared/meeting/context.ts';
import type { ElectorateBallot } from '../../shared/meeting/electorate.ts';
import type { Choice } from '../../shared/meeting/rules.ts';
import { MeetingSession } from '../../shared/meeting/session.ts';
import type { Scenario } from '../../shared/scenario/index.ts';
import { validateScenario } from '../../shared/scenario/index.ts';

export const FACILITATOR: Actor = { kind: 'facilitator' };

/** [flat, owner (a name, co-owners, or null for a developer flat), area m²] */
export type FlatRow = [flat: string, owner: string | string[] | null, area: number];

export interface CardSpec {
  id: string;
  stands_for?: string[];
  proxy_for?: string[];
  /** How many trainees hold it (default 1). */
  holders?: number;
  /** Only used when there is no electorate: the card's own area, as before electorates. */
  area?: number;
}

export type Step =
  /** A seat votes: `seat` is `card` or `card#n` for the n-th holder (1-based). */
  | { cast: string; choice: Choice; flats?: string[] }
  | { paper: string; choice: Choice }
  | { correct: string; choice?: Choice; withdraw?: true }
  | { tally: Choice; owners: number; area_m2: number }
  | { tallyCorrect: number; owners: number; area_m2: number };

export interface ElectorateSetup {
  flats?: FlatRow[];
  total?: { owners: number; area_m2: number };
  cards: CardSpec[];
  rule: 'owners_ordinary' | 'owners_special';
  written?: { flats?: { flat: string; choice: Choice }[]; tally?: Record<string, unknown> };
}

export function electorateScenario(setup: ElectorateSetup): Scenario {
  const data = {
    schema: 1,
    id: 'electorate-test',
    title: 'Electorate test',
    summary: 'x',
    meeting: 'assembly',
    duration: '60m',
    background: 'x',
    ...(setup.flats && {
      electorate: {
        flats: setup.flats.map(([flat, owner, area_m2]) =>
          owner === null ? { flat, developer: true, area_m2 } : { flat, owner, area_m2 },
        ),
        ...(setup.total && { total: setup.total }),
      },
    }),
    roles: [
      { id: 'chair', name: 'Chair', chair: true, public: 'p', brief: 'b', attributes: { owner: false } },
      ...setup.cards.map((c) => ({
        id: c.id,
        name: c.id,
        public: 'p',
        brief: 'b',
        seats: { min: 0, max: c.holders ?? 1 },
        attributes: { owner: true, ...(c.area !== undefined && { area_m2: c.area }) },
        ...(c.stands_for && { stands_for: c.stands_for }),
        ...(c.proxy_for && { proxy_for: c.proxy_for }),
      })),
    ],
    agenda: [
      {
        id: 'decide',
        title: 'Decide',
        kind: 'vote',
        motion: 'M',
        eligible: { attribute: 'owner', equals: true },
        rule: setup.rule,
        ...(setup.written && { written_ballots: setup.written }),
      },
    ],
  };
  const result = validateScenario(data);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  return result.scenario;
}

export interface CaseResult {
  record: BallotRecord & { kind: 'vote' };
  electorate: ElectorateBallot | undefined;
  refused: string[];
  messages: string[];
  /** How many log entries the steps produced (refusals add none). */
  logged: number;
  session: MeetingSession;
}

const seatId = (card: string, n: number) => `p-${card}-${n}`;

/** Seats every holder, opens the vote, plays the steps, closes it. */
export function runVote(setup: ElectorateSetup, steps: readonly Step[]): CaseResult {
  const scenario = electorateScenario(setup);
  const session = MeetingSession.create(scenario);
  let now = Date.UTC(2026, 2, 15, 1, 30);
  const send = (actor: Actor, command: Command) => {
    now += 1000;
    return session.dispatch(actor, command, now);
  };
  const must = (actor: Actor, command: Command) => {
    const r = send(actor, command);
    if (!r.ok) throw new Error(`${command.type}: ${r.error.message}`);
  };
  const join = (id: string, roleId: string) => {
    must(FACILITATOR, { type: 'participant.join', participantId: id, name: id });
    must({ kind: 'participant', id }, { type: 'card.take', roleId });
  };
  join('p-chair', 'chair');
  for (const card of setup.cards)
    for (let n = 1; n <= (card.holders ?? 1); n++) join(seatId(card.id, n), card.id);
  must(FACILITATOR, { type: 'meeting.start' });
  must(FACILITATOR, { type: 'meeting.begin' });
  must(FACILITATOR, { type: 'vote.open' });
  const before = session.lastSeq;
  const refused: string[] = [];
  const messages: string[] = [];
  for (const step of steps) {
    let actor: Actor = FACILITATOR;
    let command: Command;
    if ('cast' in step) {
      const [card, n = '1'] = step.cast.split('#');
      actor = { kind: 'participant', id: seatId(card ?? '', Number(n)) };
      command = { type: 'vote.cast', choice: step.choice, ...(step.flats && { flats: step.flats }) };
    } else if ('paper' in step)
      command = { type: 'ballot.paper.enter', flat: step.paper, choice: step.choice };
    else if ('correct' in step)
      command = {
        type: 'ballot.paper.correct',
        flat: step.correct,
        ...(step.choice && { choice: step.choice }),
        ...(step.withdraw && { withdraw: true }),
      };
    else if ('tally' in step)
      command = {
        type: 'ballot.tally.enter',
        choice: step.tally,
        owners: step.owners,
        area_m2: step.area_m2,
      };
    else
      command = {
        type: 'ballot.tally.correct',
        entry: step.tallyCorrect,
        owners: step.owners,
        area_m2: step.area_m2,
      };
    const result = send(actor, command);
    if (!result.ok) {
      refused.push(result.error.code);
      messages.push(result.error.message);
    }
  }
  const logged = session.lastSeq - before;
  const electorate = session.context.item?.ballot?.electorate;
  must(FACILITATOR, { type: 'vote.close' });
  const record = session.context.record.ballots[0];
  if (record?.kind !== 'vote') throw new Error('no vote was counted');
  return { record, electorate, refused, messages, logged, session };
}
