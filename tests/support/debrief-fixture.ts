// A scripted meeting for the debrief tests (tests/shared/debrief): the view
// fixture's room (engine scenario with a canary in every private field), a
// clock set to exact seconds after T0, and the log and coaching kept beside
// it as the session host keeps them. Every figure the tests assert is worked
// out by hand from the timetable below.
import type { CoachingActor } from '../../shared/coaching/apply.ts';
import type { DebriefInput } from '../../shared/debrief/build.ts';
import type { Actor } from '../../shared/meeting/commands.ts';
import type { Scenario } from '../../shared/scenario/index.ts';
import { FACILITATOR, OBSERVER, seat, T0, ViewRoom, viewScenario } from './views-fixture.ts';

export { FACILITATOR, OBSERVER, seat, T0 } from './views-fixture.ts';

export const EXPERT = (id: string): Actor & CoachingActor => ({ kind: 'observer', id });

export class DebriefRoom extends ViewRoom {
  /** Sets the clock to `seconds` after T0. */
  at(seconds: number): this {
    this.now = T0 + seconds * 1000;
    return this;
  }

  debriefInput(): DebriefInput {
    return {
      scenario: this.scenario,
      context: this.ctx,
      state: this.state,
      coaching: this.coaching,
      log: this.log,
    };
  }
}

/** The standard room of the view fixture: chair p1, owner_a p2, owner_b p3, owners p4 p5, tenant p6, p7 without a card. */
export function debriefRoom(scenario: Scenario = viewScenario()): DebriefRoom {
  return new DebriefRoom(scenario)
    .seat({ p1: 'chair', p2: 'owner_a', p3: 'owner_b', p4: 'owners', p5: 'owners', p6: 'tenant', p7: null })
    .ok(FACILITATOR, { type: 'meeting.start' })
    .ok(seat('p1'), { type: 'meeting.begin' });
}

export const TIP_TO_P3 = 'Let the others finish first';

/**
 * The first part of attempt 1, with times in seconds after T0:
 *
 *   item "open" (statement: chair, official; 2 min each), from 0
 *     0– 30  p1 (chair) speaks, statement at 10, yields             → 30 s
 *    30– 50  the official (NPC, voiced by o1) speaks, statement at 40 → 20 s
 *   item "talk" (open floor, 90 s each; inject "smoke" due 3 min after it starts), from 100
 *   100–195  p2 (owner_a) speaks, statement at 110; time up at 190, yields at 195
 *            → 95 s, 5 s over
 *      198  o1 whispers tip t1 to p3; p3 reads it at 199, raises a hand at 200
 *   200–240  p3 (owner_b) speaks, acks t1 at 203, statement at 220; p6 raises a point
 *            of order at 230; the chair cuts p3 off at 240                → 40 s, cut off
 *   250–260  p6 (tenant) speaks on the point of order (no time limit)    → 10 s
 *   270–310  p2 speaks again, yields                                     → 40 s
 *      280  "smoke" fires (100 + 180 s), to answer within 2 min (by 400)
 *      318  p3 shows a mood (120 s after t1: the last moment that counts)
 *      319  p3 shows another mood (121 s after t1: too late to count)
 *      350  the facilitator marks "smoke" answered                       → 70 s
 *
 * p2 in all: 95 s + 40 s = 135 s = 2:15 in 2 turns, 5 s over.
 */
export function scriptedTalk(room: DebriefRoom = debriefRoom()): DebriefRoom {
  const chair = seat('p1');
  room
    .at(0)
    .ok(chair, { type: 'floor.give' })
    .at(10)
    .ok(chair, { type: 'statement.post', text: 'We open the meeting.' })
    .at(30)
    .ok(chair, { type: 'floor.yield' })
    .ok(chair, { type: 'floor.give', to: { kind: 'npc', roleId: 'official' } })
    .at(40)
    .ok(OBSERVER, { type: 'statement.post', text: 'The office is listening.' })
    .at(50)
    .ok(OBSERVER, { type: 'floor.yield' })
    .at(100)
    .ok(chair, { type: 'item.next' })
    .ok(seat('p2'), { type: 'hand.raise' })
    .ok(chair, { type: 'floor.give' })
    .at(110)
    .ok(seat('p2'), { type: 'statement.post', text: 'The lift is always broken.' })
    .at(195)
    .ok(seat('p2'), { type: 'floor.yield' })
    .at(198)
    .coach(OBSERVER, { type: 'tip.whisper', tipId: 't1', to: 'p3', text: TIP_TO_P3 })
    .at(199)
    .coach(seat('p3'), { type: 'tip.read', tipId: 't1' })
    .at(200)
    .ok(seat('p3'), { type: 'hand.raise' })
    .ok(chair, { type: 'floor.give' })
    .at(203)
    .coach(seat('p3'), { type: 'tip.ack', tipId: 't1' })
    .at(220)
    .ok(seat('p3'), { type: 'statement.post', text: 'We need a second lift.' })
    .at(230)
    .ok(seat('p6'), { type: 'point_of_order' })
    .at(240)
    .ok(chair, { type: 'floor.cut' })
    .at(250)
    .ok(chair, { type: 'floor.give' })
    .at(260)
    .ok(seat('p6'), { type: 'floor.yield' })
    .at(270)
    .ok(seat('p2'), { type: 'hand.raise' })
    .ok(chair, { type: 'floor.give' })
    .at(310)
    .ok(seat('p2'), { type: 'floor.yield' })
    .at(318)
    .ok(seat('p3'), { type: 'mood.show', mood: 'agree' })
    .at(319)
    .ok(seat('p3'), { type: 'mood.show', mood: 'unsure' })
    .at(350)
    .ok(FACILITATOR, { type: 'inject.respond', injectId: 'smoke' });
  return room;
}

/**
 * The rest of attempt 1: the private inject "call" to owner_a at 400, the
 * observers' "note" at 405, the secret vote (yes/no, simple majority of those
 * voting yes or no) from 410 — p1 p2 p4 p6 yes, p3 p5 no: 4 of 6 = 66.7%,
 * passed — counted at 460; the meeting ends at 500 and the debrief opens.
 */
export function scriptedClose(room: DebriefRoom): DebriefRoom {
  room
    .at(400)
    .ok(FACILITATOR, { type: 'inject.fire', injectId: 'call' })
    .at(405)
    .ok(FACILITATOR, { type: 'inject.fire', injectId: 'note' })
    .at(410)
    .goto('secret')
    .ok(seat('p1'), { type: 'vote.open' });
  const votes: Record<string, 'yes' | 'no'> = {
    p1: 'yes',
    p2: 'yes',
    p3: 'no',
    p4: 'yes',
    p5: 'no',
    p6: 'yes',
  };
  for (const [id, choice] of Object.entries(votes)) room.ok(seat(id), { type: 'vote.cast', choice });
  return room
    .at(460)
    .ok(seat('p1'), { type: 'vote.close' })
    .at(500)
    .ok(FACILITATOR, { type: 'meeting.end' })
    .ok(FACILITATOR, { type: 'meeting.open_debrief' });
}
