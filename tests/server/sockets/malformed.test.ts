// A black-box client sends every kind of malformed message the protocol can
// receive, over a raw Socket.IO connection, and expects an answer to each:
// its ack when it gave one, else an `answer` event (docs/protocol.md §17).
// Nothing may go unanswered, and the server must go on serving.
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../../client/headless/client.ts';
import type { UnackedAnswer, Welcome } from '../../../shared/protocol/messages.ts';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.ts';
import { drillScenariosDir, ok, openRoom, type Room, startDrillServer } from '../../support/drill-room.ts';
import type { ServerProcess } from '../../support/server-process.ts';

let server: ServerProcess;
let room: Room;
let trainee: Socket;
let projector: Socket;

function connect(auth: unknown): Promise<{ socket: Socket; welcome: Welcome }> {
  return new Promise((resolve, reject) => {
    const socket = io(server.url, {
      auth: auth as Record<string, unknown>,
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    socket.once('welcome', (welcome: Welcome) => resolve({ socket, welcome }));
    socket.once('connect_error', (error) => reject(error));
  });
}

beforeAll(async () => {
  server = await startDrillServer({ scenariosDir: drillScenariosDir() });
  room = await openRoom(server.url, ['chair', 'planner']);
  ({ socket: projector } = await connect({ role: 'projector', code: room.session.joinCode }));
});

// A fresh socket for each case: every connection has its own rate-limit bucket (40 messages at once).
beforeEach(async () => {
  trainee?.close();
  ({ socket: trainee } = await connect({ role: 'trainee', resumeToken: room.seat('planner').resumeToken }));
});

afterAll(async () => {
  trainee?.close();
  projector?.close();
  room?.close();
  await server?.stop();
});

type Answer = UnackedAnswer['answer'];
const BY_ACK = 'ack';
const BY_EVENT = 'answer event';

/** Emits `args` on `event` with an ack callback, and resolves with what the ack carried. */
function withAck(socket: Socket, event: string | number, ...args: unknown[]): Promise<[string, Answer]> {
  return new Promise((resolve) =>
    (socket.emit as (...a: unknown[]) => void)(event, ...args, (answer: Answer) => resolve([BY_ACK, answer])),
  );
}

/** Emits `args` on `event` with no ack callback, and resolves with the `answer` event that names it. */
function withoutAck(socket: Socket, event: string | number, ...args: unknown[]): Promise<[string, Answer]> {
  return new Promise((resolve) => {
    const listener = (message: UnackedAnswer) => {
      if (message.event !== String(event)) return;
      socket.off('answer', listener);
      resolve([BY_EVENT, message.answer]);
    };
    socket.on('answer', listener);
    (socket.emit as (...a: unknown[]) => void)(event, ...args);
  });
}

const code = ([, answer]: [string, Answer]) => (answer.ok ? 'ok' : answer.error?.code);
const READS = ['sync', 'history', 'state_at', 'record'] as const;

describe('every malformed message is answered', () => {
  it('a request sent with only an ack callback (no payload) is refused in that ack, except debrief, whose payload may be left out', async () => {
    expect(code(await withAck(trainee, 'command'))).toBe('protocol/invalid_message');
    for (const event of READS) expect(code(await withAck(trainee, event))).toBe('protocol/invalid_message');
    const debrief = await withAck(trainee, 'debrief');
    expect(debrief[0]).toBe(BY_ACK);
    expect(code(debrief)).toBe('ok');
  });

  it('a read sent without an ack callback gets protocol/ack_required as an answer event, whatever its payload', async () => {
    const valid = {
      sync: { lastSeq: 0 },
      history: { fromSeq: 0 },
      state_at: { seq: 0 },
      record: { list: 'turns', before: 0 },
      debrief: {},
    };
    for (const [event, payload] of Object.entries(valid)) {
      const answer = await withoutAck(trainee, event, payload);
      expect([event, ...answer]).toEqual([event, BY_EVENT, expect.objectContaining({ ok: false })]);
      expect(code(answer)).toBe('protocol/ack_required');
      expect(code(await withoutAck(trainee, event, 'not an object'))).toBe('protocol/ack_required');
    }
  });

  it('a command sent without an ack callback is carried out, and its ack arrives as an answer event with its cid', async () => {
    const [by, answer] = await withoutAck(trainee, 'command', {
      cid: 'no-ack-1',
      command: { type: 'mood.show', mood: 'agree' },
    });
    expect(by).toBe(BY_EVENT);
    expect(answer).toEqual({ ok: true, seq: expect.any(Number) });
    expect(code(await withoutAck(trainee, 'command', { cid: '', command: { type: 'nope' } }))).toBe(
      'protocol/invalid_message',
    );
    expect(code(await withoutAck(trainee, 'command'))).toBe('protocol/invalid_message');
  });

  it('payloads of the wrong type are refused in the ack: a string, a number, null, an array, a binary', async () => {
    for (const event of ['command', ...READS, 'debrief']) {
      for (const payload of ['text', 42, null, [1, 2], new Uint8Array([1, 2, 3])]) {
        // debrief takes "nothing" as {}: null is nothing; everything else is refused.
        const expected = event === 'debrief' && payload === null ? 'ok' : 'protocol/invalid_message';
        expect([event, payload, code(await withAck(trainee, event, payload))]).toEqual([
          event,
          payload,
          expected,
        ]);
      }
    }
  });

  it('two payloads before the ack callback are refused, not half read', async () => {
    for (const event of ['command', ...READS, 'debrief'])
      expect([event, code(await withAck(trainee, event, {}, {}))]).toEqual([
        event,
        'protocol/invalid_message',
      ]);
  });

  it('an unknown event name is answered protocol/unknown_event, with or without an ack, named by a string or a number', async () => {
    expect(code(await withAck(trainee, 'nope', {}))).toBe('protocol/unknown_event');
    expect(code(await withoutAck(trainee, 'nope', {}))).toBe('protocol/unknown_event');
    expect(code(await withAck(trainee, 'constructor'))).toBe('protocol/unknown_event');
    expect(code(await withAck(trainee, 7, {}))).toBe('protocol/unknown_event');
    // "error" is not reserved by Socket.IO: a client may send it, and the server neither throws nor stays silent.
    expect(code(await withAck(trainee, 'error', {}))).toBe('protocol/unknown_event');
    expect(code(await withoutAck(trainee, 'error'))).toBe('protocol/unknown_event');
  });

  it('the projector is refused commands and the debrief in words, with or without an ack', async () => {
    expect(code(await withAck(projector, 'command', { cid: 'p-1', command: { type: 'hand.raise' } }))).toBe(
      'auth/forbidden',
    );
    expect(
      code(await withoutAck(projector, 'command', { cid: 'p-2', command: { type: 'hand.raise' } })),
    ).toBe('auth/forbidden');
    expect(code(await withAck(projector, 'debrief', {}))).toBe('auth/forbidden');
  });

  it('the server still serves both sockets after all of it', async () => {
    const seq = await ok(room.seat('chair').client, { type: 'mood.show', mood: 'unsure' });
    const [, answer] = await withAck(trainee, 'sync', { lastSeq: 0 });
    expect(answer.ok).toBe(true);
    expect((answer as unknown as { live: { seq: number } }).live.seq).toBeGreaterThanOrEqual(seq > 0 ? 1 : 0);
  });
});

describe('handshakes', () => {
  it('say the protocol version, and refuse a version the server does not speak in words', async () => {
    const { socket, welcome } = await connect({
      role: 'projector',
      code: room.session.joinCode,
      protocol: PROTOCOL_VERSION,
    });
    socket.close();
    expect(welcome.protocol).toBe(PROTOCOL_VERSION);
    const refused = await connect({ role: 'projector', code: room.session.joinCode, protocol: 1 }).catch(
      (error: Error & { data?: { code: string } }) => error.data?.code,
    );
    expect(refused).toBe('protocol/unsupported_version');
  });

  it('an auth that fits no role is refused with auth/unauthorized', async () => {
    for (const auth of [{}, { role: 'mayor' }, { role: 'trainee', resumeToken: 5 }]) {
      const refused = await connect(auth).catch(
        (error: Error & { data?: { code: string } }) => error.data?.code,
      );
      expect(refused).toBe('auth/unauthorized');
    }
  });

  it('an auth that is a string, an array or over 16 KB is closed by Socket.IO before the server reads it: a transport close, no welcome', async () => {
    const huge = { role: 'trainee', resumeToken: 'x'.repeat(20_000) };
    for (const auth of ['a string', [1, 2], huge]) {
      const seen = await new Promise<string[]>((resolve) => {
        const events: string[] = [];
        const socket = io(server.url, {
          auth: auth as never,
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
        });
        for (const event of ['connect', 'connect_error', 'welcome'])
          socket.on(event, () => events.push(event));
        socket.on('disconnect', (reason) => {
          events.push(reason);
          socket.close();
          resolve(events);
        });
      });
      expect(seen).toEqual(['transport close']);
    }
  });

  it('a HeadlessClient still connects after all of it', async () => {
    const client = await HeadlessClient.connect(server.url, {
      role: 'projector',
      code: room.session.joinCode,
    });
    expect(client.live?.seq).toBeGreaterThan(0);
    client.close();
  });
});
