// A small meeting on a real server, for the transport and recovery tests
// (tests/server/recovery, reconnect, idempotency, robustness, fuzz): the
// scenario is written to a temporary scenarios folder with the timings a
// test needs, the server runs as a child process with its own SQLite file,
// and the trainees are headless clients seated on the cards they are given.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { AnyCommand, CommandAck } from '../../shared/protocol/messages.ts';
import type { LiveView, TimelineEntry } from '../../shared/views/types.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';
import {
  AUTH_ENV,
  type CreatedSession,
  connectFacilitator,
  connectObserver,
  createSession,
} from './session-api.ts';

export const DRILL_ID = 'drill-room';

export interface DrillTimings {
  /** The first item's per-speaker time, e.g. "18s". */
  perSpeaker?: string;
  /** When the scheduled inject falls due after the first item starts, e.g. "15s". */
  injectAfter?: string;
}

/**
 * Five items: an open floor with a per-speaker time and a scheduled inject,
 * a statement round, an open vote, a secret vote, and the action items. One
 * manual inject is addressed to the planner only.
 */
export function drillScenario({ perSpeaker = '2m', injectAfter = '20m' }: DrillTimings = {}): string {
  return `schema: 1
id: ${DRILL_ID}
title: { zh: 演练室, en: Drill room }
summary: A small round table for the server tests.
meeting: round_table
duration: 40m
background: { zh: 测试用的小会议。, en: A small meeting for tests. }
roles:
  - id: chair
    name: { zh: 主持人, en: Chair }
    chair: true
    public: Chairs the meeting.
    brief: You chair.
  - id: planner
    name: { zh: 规划师, en: Planner }
    required: true
    public: Drew the plan.
    brief: You drew the plan.
  - id: resident
    name: { zh: 居民, en: Resident }
    seats: { min: 1, max: 8 }
    attributes: { owner: true, area_m2: 60 }
    public: Lives here.
    brief: You live here.
  - id: official
    name: { zh: 街道干部, en: Street official }
    npc: true
    public: From the street office.
    brief: Voiced by an observer.
agenda:
  - { id: talk, title: Talk, kind: open_floor, per_speaker: ${perSpeaker}, duration: 30m }
  - { id: options, title: Options, kind: statement, speakers: [planner, chair], per_speaker: 2m }
  - { id: decide, title: Decide, kind: vote, motion: Build the garden, rule: simple_majority }
  - { id: secret, title: Secret, kind: vote, motion: Pick option C, ballot: secret, rule: simple_majority }
  - { id: wrap, title: Wrap-up, kind: actions }
injects:
  - id: alarm
    title: Fire alarm
    body: The fire alarm rings.
    at: { item: talk, after: ${injectAfter} }
    to: all
  - id: planner-call
    title: PRIVATE-CALL-TITLE
    body: PRIVATE-CALL-BODY
    manual: true
    to: [planner]
`;
}

/** A scenarios folder holding the drill room only. */
export function drillScenariosDir(timings?: DrillTimings): string {
  const dir = mkdtempSync(join(tmpdir(), 'civic-drill-'));
  writeFileSync(join(dir, `${DRILL_ID}.yaml`), drillScenario(timings));
  return dir;
}

/** The server on a clock the test moves (tests/support/clock-server.ts). */
const CLOCK_ENTRY = join(import.meta.dirname, 'clock-server.ts');

export function startDrillServer(options: {
  scenariosDir: string;
  dataDir?: string;
  port?: number;
  /** Run on a hand-moved clock starting at this time (ms); moved with advanceClock. */
  clockAt?: number;
}): Promise<ServerProcess> {
  return startServerProcess({
    scenariosDir: options.scenariosDir,
    ...(options.dataDir && { dataDir: options.dataDir }),
    ...(options.clockAt !== undefined && { entry: CLOCK_ENTRY }),
    env: {
      ...AUTH_ENV,
      ...(options.port !== undefined && { PORT: String(options.port) }),
      ...(options.clockAt !== undefined && { TEST_CLOCK_START: String(options.clockAt) }),
    },
  });
}

/**
 * Moves a clock server's clock to `to` (ms). Resolves, with how many
 * wake-ups ran and the next one armed (null: none), once every deadline due
 * on the way has been applied in the server's memory; their broadcasts
 * follow their commit.
 */
export async function advanceClock(
  server: ServerProcess,
  to: number,
): Promise<{ woke: number; next: number | null }> {
  const readSoFar = server.lines().length;
  server.tell(`advance ${to}`);
  const answer = await server.logged((l) => l.hook === 'advance', `the clock moved to ${to}`, readSoFar);
  if (answer.error !== undefined) throw new Error(`the clock did not move: ${answer.error}`);
  if (answer.now !== to) throw new Error(`the clock is at ${answer.now}, not ${to}`);
  return { woke: answer.woke as number, next: answer.next as number | null };
}

export interface Seat {
  name: string;
  roleId: string;
  id: string;
  resumeToken: string;
  client: HeadlessClient;
}

export interface Room {
  session: CreatedSession;
  facilitator: HeadlessClient;
  seats: Seat[];
  /** The seat holding `roleId` (the first one, for shared cards). */
  seat(roleId: string, index?: number): Seat;
  clients(): HeadlessClient[];
  close(): void;
}

/** Sends a command and fails loudly when it is refused; returns the ack's seq. */
export async function ok(client: HeadlessClient, command: AnyCommand, cid?: string): Promise<number> {
  const ack = await client.send(command, cid);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.seq;
}

/** Creates a session (of the drill room, or another scenario), connects the facilitator and seats one trainee per card in `cards`. */
export async function openRoom(url: string, cards: string[], scenarioId = DRILL_ID): Promise<Room> {
  const session = await createSession(url, scenarioId);
  const facilitator = await connectFacilitator(url, session);
  const seats: Seat[] = [];
  for (const [i, roleId] of cards.entries()) {
    const name = `${roleId} ${i + 1}`;
    const { client, seat } = await HeadlessClient.join(url, session.joinCode, name);
    await ok(client, { type: 'card.take', roleId });
    seats.push({ name, roleId, id: seat.participantId, resumeToken: seat.resumeToken, client });
  }
  const room: Room = {
    session,
    facilitator,
    seats,
    seat(roleId, index = 0) {
      const found = seats.filter((s) => s.roleId === roleId)[index];
      if (!found) throw new Error(`no seat ${roleId}[${index}]`);
      return found;
    },
    clients: () => [facilitator, ...seats.map((s) => s.client)],
    close() {
      for (const client of room.clients()) client.close();
    },
  };
  return room;
}

/** The server tests' usual cast: a drill server, a room (chair, planner, two residents) and one observer. */
export async function startDrillRoom(
  observerName: string,
): Promise<{ server: ServerProcess; room: Room; observer: HeadlessClient }> {
  const server = await startDrillServer({ scenariosDir: drillScenariosDir() });
  const room = await openRoom(server.url, ['chair', 'planner', 'resident', 'resident']);
  const observer = await connectObserver(server.url, room.session, observerName);
  return { server, room, observer };
}

/** lobby → briefing → running, in the first item. */
export async function beginMeeting(room: Room): Promise<void> {
  await ok(room.facilitator, { type: 'meeting.start' });
  await ok(room.seat('chair').client, { type: 'meeting.begin' });
}

/** Every entry of the log as this client may read it, paging through `history`. */
export async function fullHistory(client: HeadlessClient): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  for (let from = 0; ; from += 1000) {
    const answer = await client.history(from, 1000);
    if (!answer.ok) throw new Error(`history refused: ${answer.error.code}`);
    entries.push(...answer.entries);
    if (from + 1000 >= answer.lastSeq) return entries;
  }
}

/** The live view without what differs from one moment to the next (the server's clock). */
export function settled(live: LiveView | undefined): Omit<LiveView, 'serverNow'> | undefined {
  if (!live) return undefined;
  const { serverNow: _now, ...rest } = live;
  return rest;
}

export const isOk = (ack: CommandAck): ack is { ok: true; seq: number } => ack.ok;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A barrier: one request answered on this client's socket. The server sends
 * a socket's frames in order, so anything it sent this client before it
 * answered (a patch from a fan-out that already ran) has arrived by then.
 */
export async function roundTrip(client: HeadlessClient): Promise<void> {
  await client.emitRaw('history', { fromSeq: 0, limit: 1 }, 10_000);
}

/** GET /healthz: the status code (0 when the server does not answer at all). */
export async function health(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/healthz`)).status;
  } catch {
    return 0;
  }
}
