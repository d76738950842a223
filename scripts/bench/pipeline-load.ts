// Load on the real pipeline: S sessions, each with P trainees and O
// observers on sockets, running a meeting whose floor cycles at R commands
// per second (raise hand → give the floor → statement → yield). The latency
// of a command is from its send to the arrival, at EVERY member of the room,
// of the first view that includes it.
import { io, type Socket } from 'socket.io-client';
import type { Viewer } from '../../shared/protocol/messages.ts';
import { applyPatch, type Patch } from '../../shared/views/patch.ts';

export interface LoadShape {
  sessions: number;
  trainees: number;
  observers: number;
  rate: number;
}

interface Command {
  t0: number;
  seq?: number;
  /** Refused by the server: no view carries it. */
  refused?: boolean;
}

interface Member {
  socket: Socket;
  participantId?: string;
  next: number;
  arrivals: { seq: number; at: number }[];
}

export interface Room {
  sessionId: string;
  joinCode: string;
  facilitator: Socket;
  members: Member[];
  commands: Command[];
  /** participantId → the trainee's socket. */
  trainees: Map<string, Socket>;
  lastAcked: number;
  step: number;
  busy: boolean;
  holder?: string;
  seated: string[];
}

export interface Collector {
  latencies: number[];
  acked: number;
  refused: number;
  measuring: boolean;
}

const SCENARIO = 'charging-piles-hearing';
const FLOOR_ITEM = 'questions';

/** Both servers' clients: WebSocket only, retrying quickly after a restart. */
export const SOCKET_OPTIONS = {
  transports: ['websocket'],
  forceNew: true,
  reconnectionDelay: 50,
  reconnectionDelayMax: 1000,
  randomizationFactor: 0.5,
  timeout: 60_000,
};

let cidCounter = 0;
const cid = () => `b${(cidCounter++).toString(36)}`;

/** The welcome each socket got first (its full view; patches follow). */
const welcomes = new WeakMap<Socket, { live: unknown }>();

function connect(url: string, auth: Record<string, unknown>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { ...SOCKET_OPTIONS, auth });
    socket.once('welcome', (payload: { live: { seq: number }; staticKey: string; viewer: Viewer }) => {
      welcomes.set(socket, payload);
      // Like the real client (client/headless/client.ts), a reconnect says how
      // far it got, keeps its static view and comes back as the same observer.
      let lastSeq = payload.live.seq;
      const observerId = payload.viewer.kind === 'observer' ? payload.viewer.observerId : undefined;
      socket.on('patch', (m: { part: string; seq: number }) => {
        if (m.part === 'shared') lastSeq = m.seq;
      });
      socket.on('welcome', (w: { live: { seq: number } }) => {
        lastSeq = w.live.seq;
      });
      socket.auth = (cb: (data: object) => void) =>
        cb({ ...auth, staticKey: payload.staticKey, lastSeq, ...(observerId && { observerId }) });
      resolve(socket);
    });
    socket.once('connect_error', reject);
  });
}

async function post<T>(url: string, body: unknown, apiToken?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiToken && { authorization: `Bearer ${apiToken}` }) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function send(socket: Socket, command: Record<string, unknown>): Promise<{ ok: boolean; seq?: number }> {
  return socket.timeout(30_000).emitWithAck('command', { cid: cid(), command });
}

/** Resolves latencies for a member: each command with a known seq, against the first view that reached it. */
function resolve(room: Room, member: Member, collector: Collector) {
  while (member.next < room.commands.length) {
    const command = room.commands[member.next] as Command;
    if (command.refused) {
      member.next++;
      continue;
    }
    if (command.seq === undefined) return;
    const arrival = member.arrivals.find((a) => a.seq >= (command.seq as number));
    if (!arrival) return;
    if (collector.measuring) collector.latencies.push(arrival.at - command.t0);
    member.next++;
  }
  // Arrivals older than every pending command are no longer needed.
  const pending = room.commands.slice(member.next).find((c) => !c.refused)?.seq;
  if (pending !== undefined) member.arrivals = member.arrivals.filter((a) => a.seq >= pending);
}

export async function setUpRooms(
  url: string,
  apiToken: string,
  shape: LoadShape,
  collector: Collector,
): Promise<Room[]> {
  const rooms: Room[] = [];
  for (let s = 0; s < shape.sessions; s++) {
    const created = await post<{
      sessionId: string;
      joinCode: string;
      observerToken: string;
    }>(`${url}/api/sessions`, { scenarioId: SCENARIO }, apiToken);
    const facilitator = await connect(url, { role: 'facilitator', sessionId: created.sessionId, apiToken });
    const room: Room = {
      sessionId: created.sessionId,
      joinCode: created.joinCode,
      facilitator,
      members: [],
      commands: [],
      trainees: new Map(),
      lastAcked: 0,
      step: 0,
      busy: false,
      seated: [],
    };
    const joins = await Promise.all(
      Array.from({ length: shape.trainees }, (_, i) =>
        post<{ participantId: string; resumeToken: string }>(`${url}/api/join`, {
          code: created.joinCode,
          name: `T${s}-${i}`,
        }),
      ),
    );
    const sockets = await Promise.all([
      ...joins.map((j) => connect(url, { role: 'trainee', resumeToken: j.resumeToken })),
      ...Array.from({ length: shape.observers }, (_, i) =>
        connect(url, {
          role: 'observer',
          sessionId: created.sessionId,
          token: created.observerToken,
          name: `Expert ${i}`,
        }),
      ),
    ]);
    sockets.forEach((socket, i) => {
      const member: Member = {
        socket,
        next: 0,
        arrivals: [],
        ...(i < joins.length && { participantId: joins[i]?.participantId }),
      };
      if (member.participantId) room.trainees.set(member.participantId, socket);
      socket.on('patch', (payload: { part: 'shared' | 'own'; seq: number }) => {
        // Every command here changes what the whole room sees: its shared stream, numbered by log seq.
        if (payload.part !== 'shared') return;
        member.arrivals.push({ seq: payload.seq, at: performance.now() });
        resolve(room, member, collector);
      });
      // After a restart the welcome is the member's first view again.
      socket.on('welcome', (payload: { live: { seq: number } }) => {
        member.arrivals.push({ seq: payload.live.seq, at: performance.now() });
        resolve(room, member, collector);
      });
      room.members.push(member);
    });
    // Keep the facilitator's latest view: it says who holds which card.
    type Live = { participants: { id: string; roleId: string | null }[]; item: { id: string } | null };
    let latest = welcomes.get(facilitator)?.live as Live | undefined;
    facilitator.on('patch', (payload: { patch: Patch }) => {
      if (latest) latest = applyPatch(latest, payload.patch);
    });
    for (const command of [
      { type: 'cards.balance' },
      { type: 'meeting.start' },
      { type: 'meeting.begin' },
      { type: 'item.goto', itemId: FLOOR_ITEM },
    ]) {
      const ack = await send(facilitator, command);
      if (!ack.ok) throw new Error(`set-up ${command.type} refused: ${JSON.stringify(ack)}`);
    }
    while (latest?.item?.id !== FLOOR_ITEM) await new Promise((r) => setTimeout(r, 10));
    const view = latest;
    room.seated = view.participants.filter((p) => p.roleId !== null).map((p) => p.id);
    rooms.push(room);
  }
  return rooms;
}

/** One step of a room's floor cycle, sent only once the previous one was acknowledged. */
export function stepRoom(room: Room, collector: Collector): void {
  if (room.busy || room.seated.length === 0) return;
  const phase = room.step % 4;
  const speaker = room.seated[Math.floor(room.step / 4) % room.seated.length] as string;
  const socket =
    phase === 1 ? room.facilitator : room.trainees.get(phase === 0 ? speaker : (room.holder ?? speaker));
  const command =
    phase === 0
      ? { type: 'hand.raise' }
      : phase === 1
        ? { type: 'floor.give' }
        : phase === 2
          ? { type: 'statement.post', text: `Point ${room.step} from the floor.` }
          : { type: 'floor.yield' };
  if (!socket) return;
  room.busy = true;
  const entry: Command = { t0: performance.now() };
  room.commands.push(entry);
  send(socket, command).then(
    (ack) => {
      room.busy = false;
      if (!ack.ok || ack.seq === undefined) {
        collector.refused++;
        entry.refused = true;
        // Recover the cycle: whoever holds the floor yields to the facilitator's cut.
        room.step = 0;
        void send(room.facilitator, { type: 'floor.cut' });
        return;
      }
      entry.seq = ack.seq;
      room.lastAcked = Math.max(room.lastAcked, ack.seq);
      if (collector.measuring) collector.acked++;
      if (phase === 0) room.holder = speaker;
      room.step++;
      for (const member of room.members) resolve(room, member, collector);
    },
    () => {
      room.busy = false;
    },
  );
}

export function closeRooms(rooms: Room[]): void {
  for (const room of rooms) {
    room.facilitator.close();
    for (const m of room.members) m.socket.close();
  }
}
