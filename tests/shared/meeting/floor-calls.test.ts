// Whom the chair may call, as a trainee's screen asks it (mayCall on the
// live view and the public scenario), against what the engine accepts: the
// chair is offered exactly the speakers floor.give would take, and hands are
// asked for only where the item takes them.
import { describe, expect, it } from 'vitest';
import type { Speaker } from '../../../shared/meeting/commands.ts';
import { mayCall, takesHands } from '../../../shared/meeting/floor.ts';
import { projectTrainee } from '../../../shared/views/live.ts';
import { publicScenario } from '../../../shared/views/scenario-public.ts';
import { seat, startedRoom } from '../../support/views-fixture.ts';

const CARD_HOLDERS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
const SPEAKERS: Speaker[] = [
  ...CARD_HOLDERS.map((id): Speaker => ({ kind: 'participant', id })),
  { kind: 'npc', roleId: 'official' },
];
const label = (s: Speaker) => (s.kind === 'participant' ? s.id : `npc:${s.roleId}`);

/** The room in `itemId`, as the chair's phone (p1) sees it. */
function roomIn(itemId: string) {
  const room = startedRoom();
  if (itemId !== 'open') room.goto(itemId);
  return room;
}

function offeredTo(itemId: string, prepare?: (room: ReturnType<typeof roomIn>) => void): string[] {
  const room = roomIn(itemId);
  prepare?.(room);
  const view = projectTrainee(room.input(), 'p1');
  const scenario = publicScenario(room.scenario);
  const item = scenario.agenda[view.item?.index ?? -1];
  if (!item || !view.item) throw new Error(`no item ${itemId}`);
  const facts = { roles: scenario.roles, participants: view.participants, queue: view.item.queue };
  return SPEAKERS.filter((s) => mayCall(item, facts, s)).map(label);
}

function acceptedIn(itemId: string, prepare?: (room: ReturnType<typeof roomIn>) => void): string[] {
  return SPEAKERS.filter((s) => {
    const room = roomIn(itemId);
    prepare?.(room);
    return room.send(seat('p1'), { type: 'floor.give', to: s }).ok;
  }).map(label);
}

describe('whom the chair may call', () => {
  // The fixture's agenda: "open" is a statement by the chair and the official (an NPC card);
  // "list" a fixed list of owner_a (p2) and owner_b (p3); "talk" an open floor; "ask" Q&A.
  it.each([
    ['open', ['p1', 'npc:official']],
    ['list', ['p2', 'p3']],
    ['talk', [...CARD_HOLDERS, 'npc:official']],
    ['ask', [...CARD_HOLDERS, 'npc:official']],
  ])('in "%s": %j, exactly whom the engine lets the chair give the floor to', (itemId, expected) => {
    expect(offeredTo(itemId)).toEqual(expected);
    expect(acceptedIn(itemId)).toEqual(expected);
  });

  it('anyone with a point of order waiting, even off a fixed list', () => {
    const poo = (room: ReturnType<typeof roomIn>) => room.ok(seat('p6'), { type: 'point_of_order' });
    expect(offeredTo('list', poo)).toEqual(['p2', 'p3', 'p6']);
    expect(acceptedIn('list', poo)).toEqual(['p2', 'p3', 'p6']);
  });

  it('nobody where the item has no floor', () => {
    const room = roomIn('decide');
    const scenario = publicScenario(room.scenario);
    const view = projectTrainee(room.input(), 'p1');
    const item = scenario.agenda[view.item?.index ?? -1];
    if (!item) throw new Error('no vote item');
    const facts = { roles: scenario.roles, participants: view.participants, queue: [] };
    expect(SPEAKERS.filter((s) => mayCall(item, facts, s))).toEqual([]);
  });
});

describe('where hands are asked for', () => {
  it('open floors, Q&A and speakers lists built from hands; not statements, fixed lists or votes', () => {
    const scenario = publicScenario(startedRoom().scenario);
    const hands = Object.fromEntries(scenario.agenda.map((item) => [item.id, takesHands(item)]));
    expect(hands).toEqual({
      open: false,
      talk: true,
      list: false,
      ask: true,
      decide: false,
      secret: false,
      elect: false,
      tea: false,
      enlist: false,
      close: false,
    });
    const byHands = {
      kind: 'speakers',
      id: 'q',
      title: { zh: '', en: '' },
      order: 'queue',
      rounds: 1,
    } as const;
    expect(takesHands(byHands)).toBe(true);
  });
});
