// One agenda item of a dry run (simulate.ts): hands raised, the floor given,
// statements made, some running over their time, questions answered, moods
// shown, signups and actions recorded; votes and elections go to
// simulate-ballots.ts.
import type { Item } from '../scenario/index.ts';
import { holdersOf } from './seats.ts';
import { runBallot } from './simulate-ballots.ts';
import { EXPERT, type SimulatedRoom, type Who } from './simulate-room.ts';

export function runItem(room: SimulatedRoom, item: Item): void {
  const { session, scenario, random, words, chair } = room;
  const seated = room.seats.map((s) => s.id);
  const npcs = scenario.roles.filter((r) => r.npc).map((r) => r.id);
  const showMood = () => {
    const who = room.pick(seated);
    if (who)
      room.act(
        who,
        { type: 'mood.show', mood: room.pick(['agree', 'unsure', 'disagree'] as const) ?? null },
        1,
      );
  };
  switch (item.kind) {
    case 'statement':
    case 'speakers':
    case 'open_floor':
    case 'qa': {
      if (item.kind === 'speakers' && item.order === 'queue')
        raiseHands(room, seated, 2 + Math.floor(random() * 3));
      if (item.kind === 'open_floor') raiseHands(room, seated, 3 + Math.floor(random() * 3));
      if (item.kind === 'qa') raiseHands(room, seated, 2);
      if ((session.context.item?.queue.length ?? 0) === 0) {
        room.problems.push({
          item: item.id,
          reason: 'no_speaker',
          message: `nobody may speak in "${item.id}": its listed speakers hold no card`,
        });
        return;
      }
      if (item.kind !== 'statement' && seated.length > 1) {
        const who = room.pick(seated);
        if (who) room.act(who, { type: 'point_of_order' }, 3);
      }
      let guard = 0;
      while ((session.context.item?.queue.length ?? 0) > 0 && guard++ < 40) {
        if (!room.act(chair, { type: 'floor.give' }, 3)) break;
        speak(room, item);
        if (item.kind === 'qa') answer(room, item.answerers);
        showMood();
      }
      break;
    }
    case 'vote':
    case 'election':
      runBallot(room, item, seated);
      return;
    case 'signup':
      for (const who of seated) {
        if (random() < 0.6)
          room.act(who, { type: 'signup.commit', ask: Math.floor(random() * item.asks.length) }, 4);
      }
      break;
    case 'actions':
      room.act(chair, { type: 'action.record', kind: 'decision', what: words.decision }, 30);
      room.act(
        chair,
        {
          type: 'action.record',
          kind: 'action',
          what: words.action,
          who: room.pick(scenario.roles)?.id ?? '',
          due: '2026-02-01',
        },
        30,
      );
      break;
    case 'break':
      room.elapse(item.duration ?? 300);
      break;
  }
  if (npcs.length > 0 && random() < 0.5)
    room.send(EXPERT, { type: 'npc.say', roleId: room.pick(npcs) ?? '', text: words.aside }, 5);
}

function raiseHands(room: SimulatedRoom, seated: string[], count: number): void {
  const shuffled = [...seated].sort(() => room.random() - 0.5);
  for (const who of shuffled.slice(0, count)) room.act(who, { type: 'hand.raise' }, 2);
}

function speak(room: SimulatedRoom, item: Item): void {
  const { session, random, words, chair } = room;
  const holder = session.context.item?.floor?.speaker;
  if (!holder) return;
  const limit = 'perSpeaker' in item && item.perSpeaker !== undefined ? item.perSpeaker : 90;
  const speaker: Who = holder.kind === 'participant' ? holder.id : EXPERT;
  if (holder.kind === 'participant')
    room.act(speaker, { type: 'statement.post', text: words.statement(item) }, 10);
  else room.send(EXPERT, { type: 'npc.say', roleId: holder.roleId, text: words.statement(item) }, 10);
  // Some run over their time; the chair extends once, or cuts off.
  const over = random() < 0.25;
  if (over && random() < 0.5) room.act(chair, { type: 'floor.extend', seconds: 30 }, 1);
  const spoken = Math.round(limit * (over ? 1.3 : 0.4 + random() * 0.5));
  if (over) {
    room.elapse(spoken);
    room.act(chair, { type: 'floor.cut' }, 1);
  } else room.act(speaker, { type: 'floor.yield' }, spoken);
}

function answer(room: SimulatedRoom, answerers: readonly string[]): void {
  const { session, scenario, words, chair } = room;
  const roleId = room.pick(answerers);
  const role = scenario.roles.find((r) => r.id === roleId);
  if (!role) return;
  const holder = role.npc ? undefined : holdersOf(session.context, role.id)[0];
  const to = role.npc
    ? ({ kind: 'npc', roleId: role.id } as const)
    : holder && ({ kind: 'participant', id: holder.id } as const);
  if (!to) return;
  if (room.act(chair, { type: 'floor.give', to }, 2)) {
    if (to.kind === 'npc') room.send(EXPERT, { type: 'npc.say', roleId: to.roleId, text: words.answer }, 20);
    else room.act(to.id, { type: 'statement.post', text: words.answer }, 20);
    room.act(to.kind === 'npc' ? EXPERT : to.id, { type: 'floor.yield' }, 20);
  }
}
