// Strict replay: a logged entry that the current rules refuse, that changes
// nothing, or that lands on another agenda item stops the replay with its
// seq and why; a log the rules accept replays to the meeting as it ran.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/log/entry.ts';
import { logFromEvents } from '../../../shared/log/from-events.ts';
import { replayLog } from '../../../shared/log/replay.ts';
import { MeetingSession, ReplayError } from '../../../shared/meeting/session.ts';
import { Driver, engineScenario, FACILITATOR, OBSERVER, seat } from '../../support/meeting-fixture.ts';

/** Seats the chair and owner A, starts, begins, gives owner A the floor in "talk" (item 2). */
function meetingWithFloorGive(): { driver: Driver; log: LogEntry[] } {
  const d = new Driver();
  d.ok(FACILITATOR, { type: 'participant.join', participantId: 'c', name: 'Chair' });
  d.ok(seat('c'), { type: 'card.take', roleId: 'chair' });
  d.ok(FACILITATOR, { type: 'participant.join', participantId: 'a', name: 'Owner A' });
  d.ok(seat('a'), { type: 'card.take', roleId: 'owner_a' });
  d.ok(FACILITATOR, { type: 'meeting.start' });
  d.ok(seat('c'), { type: 'meeting.begin' });
  d.advance(10).ok(seat('c'), { type: 'item.next' }); // → talk (open floor)
  d.advance(5).ok(seat('a'), { type: 'hand.raise' });
  d.advance(5).ok(seat('c'), { type: 'floor.give' });
  d.advance(30).ok(seat('a'), { type: 'statement.post', text: 'Shade first.' });
  return { driver: d, log: logFromEvents(d.scenario, 's1', d.log) };
}

const floorGiveSeq = (log: LogEntry[]) =>
  log.find((e) => e.payload.command.type === 'floor.give')?.seq ?? Number.NaN;

describe('strict replay of a session log', () => {
  it('replays a log the rules accept to the meeting as it ran, context and state alike', () => {
    const { driver, log } = meetingWithFloorGive();
    const outcome = replayLog(driver.scenario, log);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.seq).toBe(log.length);
    expect(outcome.meeting.state).toBe(driver.session.state);
    expect(outcome.meeting.context).toEqual(driver.session.context);
  });

  it('stops at a floor.give the current rules refuse (the item is now a vote), with its seq and the code', () => {
    const { log } = meetingWithFloorGive();
    // The same scenario with "talk" turned into a vote: nobody can be given the floor there.
    const changed = engineScenario({
      agenda: engineScenario().agenda.map((item) =>
        item.id === 'talk' ? { id: 'talk', title: 'Talk', kind: 'vote', motion: 'Talk?' } : rawItem(item.id),
      ),
    });
    const outcome = replayLog(changed, log);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    // hand.raise comes first and is refused already: no floor in a vote item.
    const raise = log.find((e) => e.payload.command.type === 'hand.raise')?.seq;
    expect(outcome.refusal).toMatchObject({ seq: raise, kind: 'refused', code: 'command/wrong_state' });
    // The session as it stood just before: in "talk", nothing of the refused entry applied.
    expect(outcome.replayed.seq).toBe((raise as number) - 1);
    expect(outcome.replayed.meeting.context.item?.queue).toEqual([]);
  });

  it('stops at a floor.give that is refused alone (the raised hand was dropped from the log)', () => {
    const { driver, log } = meetingWithFloorGive();
    const withoutRaise = renumber(log.filter((e) => e.payload.command.type !== 'hand.raise'));
    const outcome = replayLog(driver.scenario, withoutRaise);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.refusal).toMatchObject({
      seq: floorGiveSeq(withoutRaise),
      kind: 'refused',
      code: 'floor/empty',
    });
  });

  it('stops at a clock tick with nothing due under the current rules: no change is a refusal too', () => {
    const { driver, log } = meetingWithFloorGive();
    const last = log.at(-1) as LogEntry;
    const tick: LogEntry = {
      ...last,
      seq: last.seq + 1,
      actor: { kind: 'system' },
      payload: { kind: 'meeting', command: { type: 'clock.tick' }, item: 'talk' },
    };
    const outcome = replayLog(driver.scenario, [...log, tick]);
    expect(!outcome.ok && outcome.refusal).toMatchObject({ seq: tick.seq, kind: 'no_change' });
  });

  it('stops at an entry that lands on another agenda item than the log recorded', () => {
    const { driver, log } = meetingWithFloorGive();
    const next = log.find((e) => e.payload.command.type === 'item.next') as LogEntry;
    const moved = log.map((e) => (e === next ? { ...e, payload: { ...e.payload, item: 'list' } } : e));
    const outcome = replayLog(driver.scenario, moved);
    expect(!outcome.ok && outcome.refusal).toMatchObject({ seq: next.seq, kind: 'other_item' });
    expect(!outcome.ok && outcome.refusal.message).toContain('list');
  });

  it('stops at a coaching entry the rules refuse (a tip to nobody)', () => {
    const { driver, log } = meetingWithFloorGive();
    const last = log.at(-1) as LogEntry;
    const tip: LogEntry = {
      ...last,
      seq: last.seq + 1,
      actor: OBSERVER,
      payload: {
        kind: 'coaching',
        command: { type: 'tip.whisper', tipId: 't', to: 'ghost', text: 'hi' },
        item: 'talk',
      },
    };
    const outcome = replayLog(driver.scenario, [...log, tip]);
    expect(!outcome.ok && outcome.refusal).toMatchObject({
      seq: tip.seq,
      kind: 'refused',
      code: 'seat/unknown_participant',
    });
  });

  it('MeetingSession.replay throws a ReplayError naming the entry', () => {
    const { driver } = meetingWithFloorGive();
    const events = driver.log
      .filter((e) => e.command.type !== 'hand.raise')
      .map((e, i) => ({ ...e, seq: i + 1 }));
    const give = events.find((e) => e.command.type === 'floor.give')?.seq;
    expect(() => MeetingSession.replay(driver.scenario, events)).toThrow(ReplayError);
    expect(() => MeetingSession.replay(driver.scenario, events)).toThrow(`log entry ${give} does not replay`);
  });
});

function renumber(log: LogEntry[]): LogEntry[] {
  return log.map((e, i) => ({ ...e, seq: i + 1 }));
}

/** The fixture's items as raw scenario data, so one can be replaced. */
function rawItem(id: string): Record<string, unknown> {
  const raw = {
    open: {
      id: 'open',
      title: 'Open',
      kind: 'statement',
      speakers: ['chair', 'official'],
      per_speaker: '2m',
      duration: '5m',
    },
    list: {
      id: 'list',
      title: 'List',
      kind: 'speakers',
      order: ['owner_a', 'owner_b'],
      rounds: 2,
      per_speaker: '1m',
    },
    ask: { id: 'ask', title: 'Ask', kind: 'qa', answerers: ['official', 'chair'] },
    decide: {
      id: 'decide',
      title: 'Decide',
      kind: 'vote',
      motion: 'Do it',
      rule: 'owners_special',
      eligible: { attribute: 'owner', equals: true },
    },
    secret: {
      id: 'secret',
      title: 'Secret',
      kind: 'vote',
      motion: 'Secretly',
      ballot: 'secret',
      options: ['yes', 'no'],
    },
    elect: {
      id: 'elect',
      title: 'Elect',
      kind: 'election',
      seats: 2,
      candidates: 'nominate',
      rule: 'simple_majority',
    },
    tea: { id: 'tea', title: 'Tea', kind: 'break', duration: '5m' },
    enlist: { id: 'enlist', title: 'Enlist', kind: 'signup', asks: ['Water plants', 'Count cars'] },
    close: { id: 'close', title: 'Close', kind: 'actions' },
  } as Record<string, Record<string, unknown>>;
  return raw[id] as Record<string, unknown>;
}
