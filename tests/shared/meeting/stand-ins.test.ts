// Short-handed classes in the engine: how many trainees a scenario takes, an
// expert standing in for a card nobody holds (card.assign_expert), acting for
// it (card.play, logged as the seat's own command), taking it back, and every
// shipped scenario run with four trainees.
import { describe, expect, it } from 'vitest';
import type { PlayedCommand } from '../../../shared/meeting/commands.ts';
import { minutesFromContext } from '../../../shared/meeting/minutes.ts';
import { balanceCards, classSize, missingCards } from '../../../shared/meeting/seats.ts';
import { MeetingSession } from '../../../shared/meeting/session.ts';
import { simulateMeeting } from '../../../shared/meeting/simulate.ts';
import { loadShippedScenarios } from '../../support/meeting.ts';
import { Driver, FACILITATOR, OBSERVER, seat } from '../../support/meeting-fixture.ts';

const OTHER_OBSERVER = { kind: 'observer', id: 'o2' } as const;
const play = (participantId: string, command: PlayedCommand) =>
  ({ type: 'card.play', participantId, command }) as const;

/**
 * The engine fixture's room short of its required owner_a: the chair p1,
 * owner_b p3 and a crowd owner p4 are trainees; observer o1 stands in for owner_a.
 */
function shortRoom(): { d: Driver; standIn: string } {
  const d = new Driver().seat({ p1: 'chair', p3: 'owner_b', p4: 'owners' });
  d.ok(FACILITATOR, { type: 'card.assign_expert', roleId: 'owner_a', observerId: 'o1' });
  const standIn = Object.values(d.ctx.participants).find((p) => p.playedBy === 'o1');
  if (!standIn) throw new Error('no stand-in');
  return { d, standIn: standIn.id };
}

const errorOf = (d: Driver, actor: Parameters<Driver['send']>[0], command: Parameters<Driver['send']>[1]) => {
  const result = d.send(actor, command);
  return result.ok ? null : result.error.code;
};

describe('how many trainees a scenario takes', () => {
  it('min is what the start rule needs, ideal every trainee card once, max every seat (worked out by hand)', () => {
    const sizes = Object.fromEntries(loadShippedScenarios().map((s) => [s.id, classSize(s)]));
    // charging: 4 required cards of one seat; 9 trainee cards; seats 1+1+1+1+1+1+1+6+8.
    expect(sizes['charging-piles-hearing']).toEqual({ min: 4, ideal: 9, max: 21 });
    // elevator: 6 required (owners_3_5 min 1); 7 trainee cards; 6 single seats + 5.
    expect(sizes['elevator-coordination']).toEqual({ min: 6, ideal: 7, max: 11 });
    // micro-renewal: 5 required; 8 trainee cards (residents 0–8 counts once); 7 + 8.
    expect(sizes['micro-renewal-round-table']).toEqual({ min: 5, ideal: 8, max: 15 });
    // owners' election: chair + 3 required candidates + owner_reps min 2; ideal 1 + 7 + 2; max 8 + 8.
    expect(sizes['owners-committee-election']).toEqual({ min: 6, ideal: 10, max: 16 });
    // parking: 4 required + residents min 1; 8 trainee cards; 7 + 10.
    expect(sizes['parking-mobilization']).toEqual({ min: 5, ideal: 8, max: 17 });
  });

  it('agrees with the start rule: min seats, balanced, leave nothing missing; one fewer does', () => {
    for (const scenario of loadShippedScenarios()) {
      const { min } = classSize(scenario);
      for (const [count, missing] of [
        [min, 0],
        [min - 1, 1],
      ] as const) {
        const d = new Driver(scenario);
        for (let i = 1; i <= count; i++)
          d.ok(FACILITATOR, { type: 'participant.join', participantId: `p${i}`, name: `n${i}` });
        for (const a of balanceCards(scenario, d.ctx)) d.ok(FACILITATOR, { type: 'card.assign', ...a });
        const short = missingCards(scenario, d.ctx).reduce((n, m) => n + m.needed - m.held, 0);
        expect(short, `${scenario.id} with ${count} trainees`).toBe(missing);
      }
    }
  });
});

describe('an expert stands in for a card nobody holds', () => {
  it('the stand-in is a seat of the meeting: the start rule counts it', () => {
    const d = new Driver().seat({ p1: 'chair', p3: 'owner_b', p4: 'owners' });
    expect(errorOf(d, FACILITATOR, { type: 'meeting.start' })).toBe('meeting/required_cards');
    expect(missingCards(d.scenario, d.ctx)).toEqual([{ roleId: 'owner_a', held: 0, needed: 1 }]);
    d.ok(FACILITATOR, { type: 'card.assign_expert', roleId: 'owner_a', observerId: 'o1' });
    const standIns = Object.values(d.ctx.participants).filter((p) => p.playedBy !== undefined);
    expect(standIns).toHaveLength(1);
    const [standIn] = standIns;
    expect(standIn).toMatchObject({ name: '', roleId: 'owner_a', playedBy: 'o1', mood: null });
    // Shaped like a trainee's random seat id: the id says nothing about who sits behind it.
    expect(standIn?.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(missingCards(d.scenario, d.ctx)).toEqual([]);
    d.ok(FACILITATOR, { type: 'meeting.start' }).ok(seat('p1'), { type: 'meeting.begin' });
    expect(d.session.state).toBe('meeting.running.floor.idle');
  });

  it('only the facilitator hands a card over, only a trainee card that is unheld or short, only before the meeting', () => {
    const d = new Driver().seat({ p1: 'chair', p4: 'owners' });
    const give = (roleId: string) => ({ type: 'card.assign_expert', roleId, observerId: 'o1' }) as const;
    expect(errorOf(d, OBSERVER, give('owner_a'))).toBe('auth/forbidden');
    expect(errorOf(d, seat('p1'), give('owner_a'))).toBe('auth/forbidden');
    expect(errorOf(d, FACILITATOR, give('official'))).toBe('seat/npc_card');
    expect(errorOf(d, FACILITATOR, give('nobody'))).toBe('seat/unknown_role');
    // Every seat taken (the chair, 1 of 1); held and not short of its minimum (owners: 1 of 4, min 0).
    expect(errorOf(d, FACILITATOR, give('chair'))).toBe('seat/card_full');
    expect(errorOf(d, FACILITATOR, give('owners'))).toBe('seat/card_held');
    // An optional card nobody holds may be played too.
    expect(errorOf(d, FACILITATOR, give('tenant'))).toBeNull();
    expect(errorOf(d, FACILITATOR, give('owner_a'))).toBeNull();
    expect(errorOf(d, FACILITATOR, give('owner_a'))).toBe('seat/card_full');
    d.ok(FACILITATOR, { type: 'meeting.start' });
    d.ok(FACILITATOR, { type: 'card.assign', participantId: 'p4', roleId: null });
    // Still possible in the briefing (owners is unheld now), not once the meeting has begun.
    expect(errorOf(d, FACILITATOR, give('owners'))).toBeNull();
    d.ok(seat('p1'), { type: 'meeting.begin' });
    expect(errorOf(d, FACILITATOR, give('owner_b'))).toBe('command/wrong_state');
  });

  it('a crowd card short of its minimum takes an expert beside its trainee', () => {
    const scenario = new Driver().scenario;
    const crowd = {
      ...scenario,
      roles: scenario.roles.map((r) => (r.id === 'owners' ? { ...r, seats: { min: 2, max: 4 } } : r)),
    };
    const d = new Driver(crowd).seat({ p1: 'chair', p2: 'owner_a', p4: 'owners' });
    d.ok(FACILITATOR, { type: 'card.assign_expert', roleId: 'owners', observerId: 'o1' });
    expect(missingCards(crowd, d.ctx)).toEqual([]);
    // At its minimum now, and held: no further expert.
    expect(errorOf(d, FACILITATOR, { type: 'card.assign_expert', roleId: 'owners', observerId: 'o2' })).toBe(
      'seat/card_held',
    );
  });
});

describe('the expert acts for the card (card.play)', () => {
  it('its commands are the seat’s own: checked as the seat, logged as the seat', () => {
    const { d, standIn } = shortRoom();
    d.ok(FACILITATOR, { type: 'meeting.start' }).ok(seat('p1'), { type: 'meeting.begin' });
    d.ok(FACILITATOR, { type: 'item.goto', itemId: 'talk' });
    d.ok(OBSERVER, play(standIn, { type: 'hand.raise' }));
    expect(d.log.at(-1)).toMatchObject({
      actor: { kind: 'participant', id: standIn },
      command: { type: 'hand.raise' },
    });
    expect(d.ctx.item?.queue.map((e) => e.speaker)).toEqual([{ kind: 'participant', id: standIn }]);
    // The chair gives it the floor like anyone's; the expert speaks as the card and yields.
    d.ok(seat('p1'), { type: 'floor.give' });
    expect(errorOf(d, OBSERVER, { type: 'statement.post', text: 'no card' })).toBe('floor/not_holder');
    d.advance(30).ok(
      OBSERVER,
      play(standIn, { type: 'statement.post', text: 'My flat is on the ground floor.' }),
    );
    d.advance(30).ok(OBSERVER, play(standIn, { type: 'floor.yield' }));
    expect(d.ctx.record.statements.at(-1)).toMatchObject({
      speaker: { kind: 'participant', id: standIn },
      roleId: 'owner_a',
      text: 'My flat is on the ground floor.',
    });
    expect(d.ctx.record.turns.at(-1)).toMatchObject({
      speaker: { kind: 'participant', id: standIn },
      roleId: 'owner_a',
      start: d.now - 60_000,
      end: d.now,
      endedBy: 'yield',
    });
    // A replay makes the same meeting, stand-in id and all.
    expect(MeetingSession.replay(d.scenario, d.log).context).toEqual(d.ctx);
  });

  it('only its expert, only for the card, and not the card itself', () => {
    const { d, standIn } = shortRoom();
    expect(errorOf(d, OTHER_OBSERVER, play(standIn, { type: 'mood.show', mood: 'agree' }))).toBe(
      'seat/not_your_card',
    );
    expect(errorOf(d, FACILITATOR, play(standIn, { type: 'mood.show', mood: 'agree' }))).toBe(
      'seat/not_your_card',
    );
    expect(errorOf(d, seat('p1'), play(standIn, { type: 'mood.show', mood: 'agree' }))).toBe(
      'seat/not_your_card',
    );
    // A trainee's seat is nobody's to play.
    expect(errorOf(d, OBSERVER, play('p3', { type: 'mood.show', mood: 'agree' }))).toBe('seat/not_your_card');
    for (const command of [
      { type: 'card.take', roleId: 'tenant' },
      { type: 'card.release' },
      { type: 'npc.say', roleId: 'official', text: 'x' },
      { type: 'meeting.start' },
    ] as const)
      expect(errorOf(d, OBSERVER, play(standIn, command)), command.type).toBe('seat/not_playable');
    d.ok(OBSERVER, play(standIn, { type: 'mood.show', mood: 'disagree' }));
    expect(d.ctx.participants[standIn]?.mood).toBe('disagree');
  });

  it('ballots: the expert casts the card’s; a ballot nobody casts is a card not taking part', () => {
    const vote = (cast: boolean) => {
      const { d, standIn } = shortRoom();
      d.ok(FACILITATOR, { type: 'meeting.start' }).ok(seat('p1'), { type: 'meeting.begin' });
      d.ok(FACILITATOR, { type: 'item.goto', itemId: 'decide' }).ok(seat('p1'), { type: 'vote.open' });
      // owners_special, owners only: owner_a (the stand-in, 90 m²), owner_b p3 (60), owners p4 (50).
      expect(d.ctx.item?.ballot?.voters.sort()).toEqual([standIn, 'p3', 'p4'].sort());
      if (cast) d.ok(OBSERVER, play(standIn, { type: 'vote.cast', choice: 'yes' }));
      d.ok(seat('p3'), { type: 'vote.cast', choice: 'yes' }).ok(seat('p4'), {
        type: 'vote.cast',
        choice: 'yes',
      });
      d.ok(seat('p1'), { type: 'vote.close' });
      const counted = d.ctx.record.ballots.at(-1);
      if (counted?.kind !== 'vote') throw new Error('no vote counted');
      return counted;
    };
    const cast = vote(true);
    expect(cast.outcome).toMatchObject({
      passed: true,
      eligible: { headcount: 3, area: 200 },
      participating: { headcount: 3, area: 200 },
      yes: { headcount: 3, area: 200 },
      failed: [],
    });
    // Not cast: 2 of 3 owners take part (2/3 of the headcount, enough) holding 110 of 200 m² (less than 2/3).
    const uncast = vote(false);
    expect(uncast.outcome).toMatchObject({
      passed: false,
      eligible: { headcount: 3, area: 200 },
      participating: { headcount: 2, area: 110 },
      yes: { headcount: 2, area: 110 },
      failed: ['quorum_area'],
    });
  });
});

describe('the facilitator takes the card back', () => {
  it('the seat is retired: the card is missing again, the seat takes no part and no other card', () => {
    const { d, standIn } = shortRoom();
    d.ok(FACILITATOR, { type: 'meeting.start' });
    expect(errorOf(d, FACILITATOR, { type: 'card.assign', participantId: standIn, roleId: 'tenant' })).toBe(
      'seat/stand_in',
    );
    expect(errorOf(d, OBSERVER, { type: 'card.release_expert', participantId: standIn })).toBe(
      'auth/forbidden',
    );
    expect(errorOf(d, FACILITATOR, { type: 'card.release_expert', participantId: 'p3' })).toBe(
      'seat/not_stand_in',
    );
    d.ok(FACILITATOR, { type: 'card.release_expert', participantId: standIn });
    expect(d.ctx.participants[standIn]).toMatchObject({ roleId: null, playedBy: 'o1' });
    expect(missingCards(d.scenario, d.ctx)).toEqual([{ roleId: 'owner_a', held: 0, needed: 1 }]);
    expect(errorOf(d, FACILITATOR, { type: 'card.release_expert', participantId: standIn })).toBe(
      'seat/not_stand_in',
    );
    expect(errorOf(d, OBSERVER, play(standIn, { type: 'mood.show', mood: 'agree' }))).toBe(
      'seat/not_your_card',
    );
    // A late trainee takes the card; balancing never hands one to the retired seat.
    d.ok(FACILITATOR, { type: 'participant.join', participantId: 'p9', name: 'Late' });
    expect(balanceCards(d.scenario, d.ctx)).toEqual([{ participantId: 'p9', roleId: 'owner_a' }]);
    // Handing the card to an expert again makes a new seat.
    d.ok(FACILITATOR, { type: 'card.assign_expert', roleId: 'owner_a', observerId: 'o2' });
    const again = Object.values(d.ctx.participants).filter((p) => p.roleId === 'owner_a');
    expect(again).toHaveLength(1);
    expect(again[0]?.id).not.toBe(standIn);
    expect(again[0]?.playedBy).toBe('o2');
    expect(MeetingSession.replay(d.scenario, d.log).context).toEqual(d.ctx);
  });

  it('a retake keeps the expert on the card, or clears it with every other; the first attempt’s minutes still say who played it', () => {
    const run = (cards: 'keep' | 'clear') => {
      const { d, standIn } = shortRoom();
      d.ok(FACILITATOR, { type: 'meeting.start' }).ok(seat('p1'), { type: 'meeting.begin' });
      d.ok(FACILITATOR, { type: 'meeting.end' }).ok(FACILITATOR, { type: 'meeting.retake', cards });
      return { d, standIn };
    };
    const kept = run('keep');
    expect(kept.d.ctx.participants[kept.standIn]).toMatchObject({ roleId: 'owner_a', playedBy: 'o1' });
    expect(missingCards(kept.d.scenario, kept.d.ctx)).toEqual([]);
    const cleared = run('clear');
    expect(cleared.d.ctx.participants[cleared.standIn]).toMatchObject({ roleId: null, playedBy: 'o1' });
    expect(
      balanceCards(cleared.d.scenario, cleared.d.ctx)
        .map((a) => a.participantId)
        .sort(),
    ).toEqual(['p1', 'p3', 'p4']);
    const first = minutesFromContext(cleared.d.scenario, cleared.d.ctx, 1, { experts: { o1: '李老师' } });
    expect(first.zh).toContain('专家李老师（饰 Owner A）');
  });
});

describe('the minutes say who played which card', () => {
  const played = () => {
    const { d, standIn } = shortRoom();
    d.ok(FACILITATOR, { type: 'meeting.start' }).ok(seat('p1'), { type: 'meeting.begin' });
    d.ok(FACILITATOR, { type: 'item.goto', itemId: 'talk' });
    d.ok(OBSERVER, play(standIn, { type: 'hand.raise' })).ok(seat('p1'), { type: 'floor.give' });
    d.advance(40).ok(OBSERVER, play(standIn, { type: 'floor.yield' }));
    return d;
  };

  it('naming the expert for the single-sided screen', () => {
    const d = played();
    const minutes = minutesFromContext(d.scenario, d.ctx, 1, { experts: { o1: 'Li' } });
    expect(minutes.zh).toContain('专家Li（饰 Owner A）');
    expect(minutes.zh).toContain('专家Li（饰 Owner A）：0:40');
    expect(minutes.en).toContain('expert Li (as Owner A)');
    expect(minutes.en).toContain('expert Li (as Owner A): 0:40');
    // Not among those present without a card.
    expect(minutes.en).not.toContain('Present without a card');
  });

  it('without the expert’s name where the reader may not know who (a trainee’s copy)', () => {
    const d = played();
    const minutes = minutesFromContext(d.scenario, d.ctx);
    expect(minutes.zh).toContain('专家（饰 Owner A）');
    expect(minutes.zh).toContain('专家（饰 Owner A）：0:40');
    expect(minutes.en).toContain('an expert (as Owner A)');
    expect(minutes.en).not.toContain('o1');
  });
});

describe('every shipped scenario runs with four trainees, experts playing the rest', () => {
  // Required cards left once four trainees are balanced over the cards: min − 4 (see classSize above).
  const EXPERT_SEATS: Record<string, number> = {
    'charging-piles-hearing': 0,
    'elevator-coordination': 2,
    'micro-renewal-round-table': 1,
    'owners-committee-election': 2,
    'parking-mobilization': 1,
  };

  it.each(loadShippedScenarios().map((s) => [s.id, s] as const))('%s', (id, scenario) => {
    const run = simulateMeeting(scenario, { trainees: 4, seed: 7 });
    expect(run.problems).toEqual([]);
    expect(run.refusals).toEqual([]);
    expect(run.completed).toBe(true);
    const seats = Object.values(run.session.context.participants);
    expect(seats.filter((p) => p.playedBy === undefined)).toHaveLength(4);
    const standIns = seats.filter((p) => p.playedBy !== undefined);
    expect(standIns).toHaveLength(EXPERT_SEATS[id] ?? -1);
    expect(new Set(standIns.map((p) => p.playedBy))).toEqual(new Set(standIns.length ? ['expert-1'] : []));
    expect(run.itemsReached).toEqual(scenario.agenda.map((i) => i.id));
    // The stand-ins took part as seats: each one's actions are logged under its own seat.
    const ids = new Set(standIns.map((p) => p.id));
    const acted = new Set(
      run.events.flatMap((e) => (e.actor.kind === 'participant' && ids.has(e.actor.id) ? [e.actor.id] : [])),
    );
    expect(acted).toEqual(ids);
    // Every shipped scenario lets these cards vote: some counted ballot carries a stand-in's.
    const withStandIn = run.ballots.filter((b) =>
      [...ids].some((seatId) => Object.hasOwn(b.kind === 'vote' ? b.votes : b.choices, seatId)),
    );
    if (ids.size > 0) expect(withStandIn.length, `${id}: no stand-in ballot was counted`).toBeGreaterThan(0);
    expect(MeetingSession.replay(scenario, run.events).context).toEqual(run.session.context);
  });
});
