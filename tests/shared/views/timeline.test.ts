// The log as each viewer may read it (shared/views/timeline.ts): observers
// are invisible to the room, the host's bookkeeping stays hidden, injects
// reach only their addressees, secret ballots lose their choices, and
// coaching shows only as a trainee's own tips.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/log/entry.ts';
import { numberFrom } from '../../../shared/views/numbering.ts';
import { projectEntry, projectTimeline, type TimelineViewer } from '../../../shared/views/timeline.ts';
import type { TimelineEntry } from '../../../shared/views/types.ts';
import { FACILITATOR, OBSERVER, seat, startedRoom, type ViewRoom } from '../../support/views-fixture.ts';

const TRAINEE = (participantId: string, roleId: string | null): TimelineViewer => ({
  audience: 'trainee',
  participantId,
  roleId,
});
const PROJECTOR: TimelineViewer = { audience: 'projector', roleId: null };
const OBSERVING: TimelineViewer = { audience: 'observer' };
const FACILITATING: TimelineViewer = { audience: 'facilitator' };
const ROOM: [string, TimelineViewer][] = [
  ['owner_a holder', TRAINEE('p2', 'owner_a')],
  ['owner_b holder', TRAINEE('p3', 'owner_b')],
  ['no card', TRAINEE('p7', null)],
  ['projector', PROJECTOR],
];

const entriesOf = (room: ViewRoom, viewer: TimelineViewer) =>
  projectTimeline(room.scenario, room.log, viewer);
const last = (room: ViewRoom): LogEntry => room.log[room.log.length - 1] as LogEntry;
const ofType = (entries: TimelineEntry[], type: string) => entries.filter((e) => e.type === type);

describe('who did it', () => {
  it('an observer’s actions appear as the host’s to the room, as the observer’s to the single-sided screen', () => {
    const room = startedRoom();
    room.ok(FACILITATOR, { type: 'settings.update', observersMayFireInjects: true });
    room.ok(FACILITATOR, { type: 'item.next' }); // talk
    room.ok(OBSERVER, { type: 'inject.fire', injectId: 'smoke' });
    const fire = last(room);
    for (const [who, viewer] of ROOM) {
      expect(projectEntry(room.scenario, fire, viewer)?.by, who).toEqual({ kind: 'host' });
    }
    expect(projectEntry(room.scenario, fire, OBSERVING)?.by).toEqual({ kind: 'observer', id: 'o1' });
    expect(projectEntry(room.scenario, fire, FACILITATING)?.by).toEqual({ kind: 'observer', id: 'o1' });
  });

  it('no observer kind or id anywhere in the room’s timeline', () => {
    const room = startedRoom();
    room.ok(FACILITATOR, { type: 'floor.give', to: { kind: 'npc', roleId: 'official' } });
    room.ok(OBSERVER, { type: 'statement.post', text: 'The office speaks.' });
    room.ok(OBSERVER, { type: 'floor.yield' });
    room.ok(FACILITATOR, { type: 'inject.fire', injectId: 'smoke' });
    room.ok(OBSERVER, { type: 'inject.respond', injectId: 'smoke' });
    room.coach(OBSERVER, { type: 'tip.whisper', tipId: 't1', to: 'p2', text: 'Breathe' });
    for (const [who, viewer] of ROOM) {
      const json = JSON.stringify(entriesOf(room, viewer));
      expect(json, who).not.toContain('"observer"');
      expect(json, who).not.toContain('o1');
    }
    const yielded = ofType(entriesOf(room, TRAINEE('p2', 'owner_a')), 'floor.yield');
    expect(yielded.map((e) => e.by)).toEqual([{ kind: 'host' }]);
  });

  it('an NPC line is the NPC’s for everyone', () => {
    const room = startedRoom();
    room.ok(OBSERVER, { type: 'npc.say', roleId: 'official', text: 'We support it.' });
    for (const viewer of [...ROOM.map(([, v]) => v), OBSERVING, FACILITATING]) {
      expect(projectEntry(room.scenario, last(room), viewer)).toMatchObject({
        type: 'npc.say',
        by: { kind: 'npc', roleId: 'official' },
        data: { roleId: 'official', text: 'We support it.' },
      });
    }
  });

  it('participants, the facilitator and the clock keep their own kinds', () => {
    const room = startedRoom();
    const viewer = TRAINEE('p3', 'owner_b');
    const [joined, took] = entriesOf(room, viewer);
    expect(joined).toMatchObject({ type: 'participant.join', by: { kind: 'system' } });
    expect(took).toMatchObject({ type: 'card.take', by: { kind: 'participant', id: 'p1' } });
    expect(ofType(entriesOf(room, viewer), 'meeting.start')[0]?.by).toEqual({ kind: 'host' });
  });
});

describe('what the room does not see', () => {
  it('settings.update and inject.respond are hidden from the room, shown to the single-sided screen', () => {
    const room = startedRoom();
    room.ok(FACILITATOR, { type: 'settings.update', observersMayFireInjects: true });
    room.ok(FACILITATOR, { type: 'item.next' });
    room.ok(FACILITATOR, { type: 'inject.fire', injectId: 'smoke' });
    room.ok(OBSERVER, { type: 'inject.respond', injectId: 'smoke' });
    for (const [who, viewer] of ROOM) {
      const types = entriesOf(room, viewer).map((e) => e.type);
      expect(types, who).not.toContain('settings.update');
      expect(types, who).not.toContain('inject.respond');
    }
    for (const viewer of [OBSERVING, FACILITATING]) {
      const types = entriesOf(room, viewer).map((e) => e.type);
      expect(types).toContain('settings.update');
      expect(types).toContain('inject.respond');
    }
  });

  it('an inject.fire reaches only the inject’s addressees, with its title and no more', () => {
    const room = startedRoom();
    room.ok(FACILITATOR, { type: 'inject.fire', injectId: 'smoke' });
    room.ok(FACILITATOR, { type: 'inject.fire', injectId: 'call' });
    room.ok(FACILITATOR, { type: 'inject.fire', injectId: 'note' });
    const fired = (viewer: TimelineViewer) => ofType(entriesOf(room, viewer), 'inject.fire');
    expect(fired(TRAINEE('p2', 'owner_a')).map((e) => e.data.injectId)).toEqual(['smoke', 'call']);
    expect(fired(TRAINEE('p3', 'owner_b')).map((e) => e.data.injectId)).toEqual(['smoke']);
    expect(fired(TRAINEE('p7', null)).map((e) => e.data.injectId)).toEqual(['smoke']);
    expect(fired(PROJECTOR).map((e) => e.data.injectId)).toEqual(['smoke']);
    const call = fired(TRAINEE('p2', 'owner_a'))[1];
    expect(call?.data).toEqual({
      injectId: 'call',
      title: { zh: 'CANARY-INJECT-call', en: 'CANARY-INJECT-call' },
    });
    expect(fired(OBSERVING).map((e) => e.data.injectId)).toEqual(['smoke', 'call', 'note']);
    for (const [who, viewer] of ROOM) {
      const json = JSON.stringify(entriesOf(room, viewer));
      expect(json, who).not.toContain('CANARY-SPARE');
      expect(json, who).not.toContain('CANARY-INJECT-note');
      expect(json, who).not.toContain('CANARY-EXPECT');
      expect(json, who).not.toContain('"note"');
      expect(json, who).not.toContain('"body"');
    }
  });

  it('a spare inject is in no one’s timeline until it is fired; then it reaches its addressees (all)', () => {
    const room = startedRoom();
    for (const [, viewer] of ROOM) expect(JSON.stringify(entriesOf(room, viewer))).not.toContain('spare');
    room.ok(FACILITATOR, { type: 'inject.fire', injectId: 'spare' });
    for (const [who, viewer] of ROOM) {
      expect(projectEntry(room.scenario, last(room), viewer)?.data, who).toEqual({
        injectId: 'spare',
        title: { zh: 'CANARY-SPARE', en: 'CANARY-SPARE' },
      });
    }
  });

  it('a secret vote.cast keeps who voted (the count is public) but not the choice', () => {
    const room = startedRoom().goto('secret');
    room.ok(seat('p1'), { type: 'vote.open' });
    room.ok(seat('p2'), { type: 'vote.cast', choice: 'no' });
    room.ok(seat('p3'), { type: 'vote.cast', choice: 'yes' });
    room.ok(seat('p1'), { type: 'vote.close' });
    for (const [who, viewer] of ROOM) {
      const casts = ofType(entriesOf(room, viewer), 'vote.cast');
      expect(
        casts.map((c) => [c.by, c.data]),
        who,
      ).toEqual([
        [{ kind: 'participant', id: 'p2' }, {}],
        [{ kind: 'participant', id: 'p3' }, {}],
      ]);
      expect(JSON.stringify(entriesOf(room, viewer)), who).not.toContain('"choice"');
    }
    for (const viewer of [OBSERVING, FACILITATING]) {
      expect(ofType(entriesOf(room, viewer), 'vote.cast').map((c) => c.data.choice)).toEqual(['no', 'yes']);
    }
  });

  it('an open vote.cast and election.cast keep their choices', () => {
    const room = startedRoom().goto('decide');
    room.ok(seat('p1'), { type: 'vote.open' });
    room.ok(seat('p2'), { type: 'vote.cast', choice: 'yes' });
    room.goto('elect');
    room.ok(seat('p3'), { type: 'candidate.nominate', participantId: 'p2' });
    room.ok(seat('p1'), { type: 'vote.open' });
    room.ok(seat('p3'), { type: 'election.cast', choices: ['p2'] });
    const entries = entriesOf(room, TRAINEE('p4', 'owners'));
    expect(ofType(entries, 'vote.cast')[0]?.data).toEqual({ choice: 'yes' });
    expect(ofType(entries, 'election.cast')[0]?.data).toEqual({ choices: ['p2'] });
  });

  it('a secret election.cast loses its choices too', () => {
    const room = startedRoom();
    const secret = {
      ...room.scenario,
      agenda: room.scenario.agenda.map((i) =>
        i.kind === 'election' ? { ...i, ballot: 'secret' as const } : i,
      ),
    };
    const entry: LogEntry = {
      sessionId: 's',
      seq: 1,
      at: room.now,
      actor: seat('p2'),
      payload: { kind: 'meeting', command: { type: 'election.cast', choices: ['p3'] }, item: 'elect' },
    };
    expect(projectEntry(secret, entry, TRAINEE('p4', 'owners'))?.data).toEqual({});
    expect(projectEntry(secret, entry, PROJECTOR)?.data).toEqual({});
    expect(projectEntry(secret, entry, OBSERVING)?.data).toEqual({ choices: ['p3'] });
  });
});

describe('coaching in the timeline', () => {
  const coached = () => {
    const room = startedRoom();
    room.coach({ kind: 'system' }, { type: 'observer.join', observerId: 'o1', name: 'CANARY-OBSERVER-NAME' });
    room.coach(OBSERVER, { type: 'tip.whisper', tipId: 't-p2', to: 'p2', text: 'CANARY-TIP-p2' });
    room.coach(OBSERVER, { type: 'tip.whisper', tipId: 't-p3', to: 'p3', text: 'CANARY-TIP-p3' });
    room.coach(FACILITATOR, { type: 'tip.broadcast', tipId: 'hint', text: 'Everyone: breathe' });
    room.coach({ kind: 'system' }, { type: 'tip.delivered', tipId: 't-p2', participantId: 'p2' });
    room.coach(seat('p2'), { type: 'tip.read', tipId: 't-p2' });
    room.coach(seat('p3'), { type: 'tip.ack', tipId: 'hint' });
    room.coach(OBSERVER, {
      type: 'marker.drop',
      markerId: 'm1',
      participantId: 'p2',
      competency: 'mass_work',
      kind: 'strength',
      note: 'CANARY-MARKER',
    });
    room.coach(OBSERVER, { type: 'backchannel.say', messageId: 'b1', text: 'CANARY-BACKCHANNEL' });
    return room;
  };

  it('a trainee sees their own whispers and every broadcast, from the host, with only the tip id and text', () => {
    const room = coached();
    const p2 = entriesOf(room, TRAINEE('p2', 'owner_a')).filter((e) => e.type.startsWith('tip.'));
    expect(p2.map((e) => [e.type, e.by, e.data])).toEqual([
      ['tip.whisper', { kind: 'host' }, { tipId: 't-p2', text: 'CANARY-TIP-p2' }],
      ['tip.broadcast', { kind: 'host' }, { tipId: 'hint', text: 'Everyone: breathe' }],
      ['tip.read', { kind: 'participant', id: 'p2' }, { tipId: 't-p2' }],
    ]);
    const p3 = entriesOf(room, TRAINEE('p3', 'owner_b')).filter((e) => e.type.startsWith('tip.'));
    expect(p3.map((e) => [e.type, e.data.tipId])).toEqual([
      ['tip.whisper', 't-p3'],
      ['tip.broadcast', 'hint'],
      ['tip.ack', 'hint'],
    ]);
  });

  it('markers, the backchannel, observers joining and deliveries are not in the room’s timeline at all', () => {
    const room = coached();
    for (const [who, viewer] of ROOM) {
      const types = entriesOf(room, viewer).map((e) => e.type);
      for (const hidden of ['observer.join', 'marker.drop', 'backchannel.say', 'tip.delivered'])
        expect(types, who).not.toContain(hidden);
      const json = JSON.stringify(entriesOf(room, viewer));
      for (const canary of ['CANARY-OBSERVER-NAME', 'CANARY-MARKER', 'CANARY-BACKCHANNEL'])
        expect(json, who).not.toContain(canary);
    }
    expect(JSON.stringify(entriesOf(room, TRAINEE('p2', 'owner_a')))).not.toContain('CANARY-TIP-p3');
  });

  it('the projector sees no coaching at all, not even broadcasts', () => {
    const room = coached();
    const entries = entriesOf(room, PROJECTOR);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.type.startsWith('tip.')).toBe(false);
    }
  });

  it('observers and the facilitator see everything, with who did it', () => {
    const room = coached();
    for (const viewer of [OBSERVING, FACILITATING]) {
      const entries = entriesOf(room, viewer);
      expect(entries).toHaveLength(room.log.length);
      expect(entries.find((e) => e.type === 'marker.drop')).toMatchObject({
        by: { kind: 'observer', id: 'o1' },
        data: { note: 'CANARY-MARKER' },
      });
      expect(entries.find((e) => e.type === 'tip.whisper')?.data).toMatchObject({ to: 'p2' });
    }
  });

  it('projectTimeline keeps the log’s seqs; numberFrom numbers a viewer’s entries 1, 2, 3 with no gap', () => {
    const room = coached();
    const opening = startedRoom();
    const n = opening.log.length; // the coaching entries are n+1 … n+9, in the order coached() logs them
    const before = entriesOf(opening, TRAINEE('p2', 'owner_a')).map((e) => e.seq);
    const p2 = entriesOf(room, TRAINEE('p2', 'owner_a'));
    // Shown: its own whisper (n+2), the broadcast (n+4), its own read (n+6). Hidden: the observer
    // joining (n+1), p3's whisper (n+3), the delivery (n+5), p3's ack (n+7), the marker, the backchannel.
    expect(p2.map((e) => e.seq)).toEqual([...before, n + 2, n + 4, n + 6]);
    expect(numberFrom(p2, 1).map((e) => e.seq)).toEqual(p2.map((_, i) => i + 1));
    expect(numberFrom(p2, 1).map((e) => e.type)).toEqual(p2.map((e) => e.type));
    const p3 = entriesOf(room, TRAINEE('p3', 'owner_b'));
    expect(p3.slice(-3).map((e) => e.seq)).toEqual([n + 3, n + 4, n + 7]);
  });
});
