// How a dry run seats its class (simulate.ts): every card with trainees, or a
// short-handed class whose cards are balanced as the console's "balance" does,
// the expert standing in for each required card still short.
import { balanceCards, missingCards } from './seats.ts';
import { EXPERT, FACILITATOR, type Seat, type SimulatedRoom } from './simulate-room.ts';
import { traineeName } from './simulate-words.ts';

/** Every trainee card seated: its minimum, and for ranges one or two more. */
export function seatEveryCard(room: SimulatedRoom): Seat[] {
  const { scenario, random, lang } = room;
  const plan: Seat[] = [];
  for (const role of scenario.roles.filter((r) => !r.npc)) {
    const extra =
      role.seats.max > role.seats.min
        ? Math.min(role.seats.max - role.seats.min, 1 + Math.floor(random() * 2))
        : 0;
    const count = Math.max(role.seats.min, role.chair || role.required ? 1 : 0) + extra;
    for (let i = 0; i < Math.min(count, role.seats.max); i++)
      plan.push({ id: `p${plan.length + 1}`, roleId: role.id });
  }
  for (const seat of plan) {
    room.send(
      FACILITATOR,
      { type: 'participant.join', participantId: seat.id, name: traineeName(plan.indexOf(seat) + 1, lang) },
      2,
    );
    room.send({ kind: 'participant', id: seat.id }, { type: 'card.take', roleId: seat.roleId }, 2);
  }
  return plan;
}

/** A class of `count` trainees, cards balanced over them, the expert filling in required cards. */
export function seatShortHandedClass(room: SimulatedRoom, count: number): Seat[] {
  const { scenario, session, lang } = room;
  for (let i = 1; i <= count; i++)
    room.send(
      FACILITATOR,
      { type: 'participant.join', participantId: `p${i}`, name: traineeName(i, lang) },
      2,
    );
  for (const { participantId, roleId } of balanceCards(scenario, session.context))
    room.send(FACILITATOR, { type: 'card.assign', participantId, roleId }, 1);
  for (let missing = missingCards(scenario, session.context)[0]; missing; ) {
    if (
      !room.send(
        FACILITATOR,
        { type: 'card.assign_expert', roleId: missing.roleId, observerId: EXPERT.id },
        2,
      )
    )
      break;
    missing = missingCards(scenario, session.context)[0];
  }
  return Object.values(session.context.participants)
    .filter((p) => p.roleId !== null)
    .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
    .map((p) => ({ id: p.id, roleId: p.roleId as string }));
}
