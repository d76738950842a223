// Malformed messages against a real server: fast-check makes a stream of
// payloads no schema accepts — random JSON, wrong types, unknown and missing
// command types, missing fields, huge numbers, deep nesting, prototype keys
// (__proto__, constructor) — and a trainee and an observer send them as
// `command`, `sync` and `history`. Every one must be answered with a plain
// error payload (no stack trace, nothing applied), the server must stay up,
// and the session must be exactly as it was.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import { TokenBucket } from '../../server/sockets/rate-limit.ts';
import {
  anyCommandSchema,
  commandEnvelopeSchema,
  historyRequestSchema,
  syncRequestSchema,
} from '../../shared/protocol/messages.ts';
import {
  beginMeeting,
  health,
  ok,
  type Room,
  settled,
  sleep,
  startDrillRoom,
} from '../support/drill-room.ts';
import type { ServerProcess } from '../support/server-process.ts';

const RUNS = 300;
const SEED = 20_260_115;

let server: ServerProcess;
let room: Room;
let observer: HeadlessClient;

beforeAll(async () => {
  ({ server, room, observer } = await startDrillRoom('Fuzzing expert'));
  await beginMeeting(room);
  // Something on every part of the state: a speaker, a queue, a mood, a tip.
  await ok(room.seat('resident', 0).client, { type: 'hand.raise' });
  await ok(room.seat('resident', 1).client, { type: 'hand.raise' });
  await ok(room.seat('chair').client, { type: 'floor.give' });
  await ok(room.seat('resident', 0).client, { type: 'statement.post', text: 'Before the fuzz.' });
  await ok(room.seat('planner').client, { type: 'mood.show', mood: 'unsure' });
  await ok(observer, { type: 'tip.broadcast', tipId: 'tip-1', text: 'Breathe.' });
  // The tip reaches every trainee's phone, which the server records after the fan-out: wait for
  // those receipts, or the "before" below may be taken without them and differ from "after".
  await room.facilitator.until(
    (live) =>
      Object.keys(live.coaching?.tips.find((t) => t.id === 'tip-1')?.receipts ?? {}).length ===
      room.seats.length,
  );
});

afterAll(async () => {
  room?.close();
  observer?.close();
  await server?.stop();
});

// --- payloads ---

const KNOWN_TYPES = anyCommandSchema.options.map((o) => o.shape.type.value);
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

const protoKey = fc.constantFrom(...PROTO_KEYS);
const hugeNumber = fc.constantFrom(
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 64,
  -1,
  -0.5,
  1.5,
  1e-300,
  Number.MIN_SAFE_INTEGER,
);
const junk = fc.jsonValue({ maxDepth: 3 });
const wrongValue = fc.oneof(
  junk,
  hugeNumber,
  fc.constant(null),
  fc.constant(''),
  fc.string({ minLength: 65, maxLength: 200 }),
  fc.constant('x'.repeat(5000)),
  protoKey,
);
/** Nested arrays or objects, hundreds deep. */
const deep = fc
  .tuple(fc.integer({ min: 50, max: 400 }), fc.boolean())
  .map(([depth, arrays]) =>
    JSON.parse(
      arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
    ),
  );
/** An object whose own keys are __proto__, constructor… (JSON.parse makes them own properties). */
const polluted = fc
  .tuple(fc.subarray(PROTO_KEYS, { minLength: 1 }), fc.jsonValue({ maxDepth: 1 }))
  .map(([keys, value]) =>
    JSON.parse(
      `{${keys.map((k) => `${JSON.stringify(k)}:{"polluted":true,"ok":true,"type":"meeting.end","value":${JSON.stringify(value ?? null)}}`).join(',')}}`,
    ),
  );
const withExtras = (base: fc.Arbitrary<Record<string, unknown>>) =>
  fc.tuple(base, fc.oneof(fc.constant({}), polluted)).map(([b, extra]) => ({ ...extra, ...b }));

const unknownType = fc.oneof(
  fc.string({ maxLength: 30 }).filter((t) => !KNOWN_TYPES.includes(t as never)),
  fc.constantFrom(
    'meeting.explode',
    'MEETING.START',
    ' meeting.start',
    'meeting.start ',
    'clock.tick',
    ...PROTO_KEYS,
  ),
);
const badCommand = fc.oneof(
  // An unknown type, with anything beside it.
  withExtras(fc.record({ type: unknownType, data: junk }, { requiredKeys: ['type'] })),
  // A known type whose fields are all of the wrong kind (filtered below if that happens to be valid).
  withExtras(
    fc
      .tuple(
        fc.constantFrom(...KNOWN_TYPES),
        fc.dictionary(
          fc.constantFrom(
            'text',
            'roleId',
            'participantId',
            'choice',
            'choices',
            'seconds',
            'ask',
            'to',
            'tipId',
            'mood',
            'cards',
            'itemId',
            'injectId',
            'kind',
            'what',
          ),
          wrongValue,
          { minKeys: 1 },
        ),
      )
      .map(([type, fields]) => ({ ...fields, type })),
  ),
  // No type, or a type that is not a string.
  withExtras(fc.record({ type: wrongValue, text: fc.string() }, { requiredKeys: [] })),
  junk,
  deep,
  polluted,
);
const badEnvelope = fc.oneof(
  fc.record(
    { cid: fc.oneof(fc.string({ minLength: 1, maxLength: 64 }), wrongValue), command: badCommand },
    { requiredKeys: [] },
  ),
  // A good cid with a bad command, or a good command with a bad cid.
  fc.record({ cid: fc.string({ minLength: 1, maxLength: 64 }), command: badCommand }),
  fc.record({ cid: wrongValue, command: fc.constant({ type: 'mood.show', mood: 'agree' }) }),
  withExtras(fc.record({ cid: fc.constant('cid-1'), command: fc.oneof(junk, polluted) })),
  junk,
  deep,
  polluted,
);
const seqValue = fc.oneof(wrongValue, hugeNumber, fc.integer({ min: -1000, max: -1 }));
const badSync = fc.oneof(
  fc.record({ lastSeq: seqValue }, { requiredKeys: [] }),
  withExtras(fc.record({ lastSeq: seqValue })),
  junk,
  deep,
  polluted,
);
const badHistory = fc.oneof(
  fc.record(
    { fromSeq: seqValue, limit: fc.oneof(seqValue, fc.integer({ min: 1001, max: 1e9 }), fc.constant(0)) },
    { requiredKeys: [] },
  ),
  fc.record({ fromSeq: fc.nat(), limit: fc.oneof(fc.constant(0), fc.integer({ min: 1001 }), seqValue) }),
  withExtras(fc.record({ fromSeq: seqValue })),
  junk,
  deep,
  polluted,
);

/** As the server receives it: JSON over the wire (undefined becomes null). */
const wire = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

type Event = 'command' | 'sync' | 'history';
const SCHEMAS = { command: commandEnvelopeSchema, sync: syncRequestSchema, history: historyRequestSchema };

const message = fc
  .oneof(
    badEnvelope.map((payload) => ({ event: 'command' as Event, payload })),
    badEnvelope.map((payload) => ({ event: 'command' as Event, payload })),
    badSync.map((payload) => ({ event: 'sync' as Event, payload })),
    badHistory.map((payload) => ({ event: 'history' as Event, payload })),
  )
  .map(({ event, payload }) => ({ event, payload: wire(payload) }))
  // Malformed for certain, and within the 16 KB socket limit (that limit has its own test).
  .filter(({ event, payload }) => !SCHEMAS[event].safeParse(payload).success)
  .filter(({ payload }) => JSON.stringify(payload).length < 12_000);

const STACK = /\n\s+at\s|\(\/[^)]*:\d+:\d+\)|node:internal|node_modules|\.ts:\d+/;

describe('malformed messages', () => {
  it(`${RUNS} malformed payloads from a trainee and an observer change nothing and are answered plainly`, async () => {
    const trainee = room.seat('resident', 1).client;
    const senders = { trainee, observer };
    // Stay under the server's rate limit, so that the answers are about the payloads.
    // (The server's buckets hold 40 and these sockets have used a handful: 30 at once is within.)
    const pacers = { trainee: new TokenBucket(18, 30), observer: new TokenBucket(18, 30) };
    const before = await room.facilitator.sync();
    expect(before.ok).toBe(true);
    const codes = new Map<string, number>();
    const events = new Map<string, number>();
    let sent = 0;

    await fc.assert(
      fc.asyncProperty(
        message,
        fc.constantFrom('trainee', 'observer') as fc.Arbitrary<'trainee' | 'observer'>,
        async ({ event, payload }, who) => {
          const pacer = pacers[who];
          while (!pacer.take()) await sleep(pacer.retryAfterMs());
          const answer = (await senders[who].emitRaw(event, payload, 5000)) as {
            ok: boolean;
            error: { code: string; message: string; details?: unknown };
          };
          sent++;
          events.set(event, (events.get(event) ?? 0) + 1);
          expect(answer).toMatchObject({
            ok: false,
            error: { code: expect.stringMatching(/^[a-z_]+\/[a-z_]+$/), message: expect.any(String) },
          });
          expect(Object.keys(answer).sort()).toEqual(['error', 'ok']);
          for (const key of Object.keys(answer.error)) expect(['code', 'message', 'details']).toContain(key);
          expect(JSON.stringify(answer)).not.toMatch(STACK);
          expect(['protocol/invalid_message', 'protocol/rate_limited']).toContain(answer.error.code);
          codes.set(answer.error.code, (codes.get(answer.error.code) ?? 0) + 1);
          if (sent % 50 === 0) expect(await health(server.url)).toBe(200);
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    // The server is up, nobody was thrown out, and the session is exactly as it was.
    expect(await health(server.url)).toBe(200);
    expect(server.child.exitCode).toBeNull();
    for (const client of [trainee, observer, ...room.clients()]) {
      expect(client.connected).toBe(true);
      expect(client.frames.filter((f) => f.event === 'welcome')).toHaveLength(1);
    }
    const after = await room.facilitator.sync();
    expect(after.ok && settled(after.live)).toEqual(before.ok && settled(before.live));
    expect(server.logs.join('')).not.toMatch(/uncaught|unhandled|"level":(50|60)/i);
    // The trainee and the observer are served as before.
    expect(await trainee.send({ type: 'mood.show', mood: 'agree' })).toMatchObject({ ok: true });
    expect(
      await observer.send({ type: 'backchannel.say', messageId: 'after-fuzz', text: 'Still here.' }),
    ).toMatchObject({ ok: true });
    console.info(
      `[fuzz] ${sent} malformed payloads (seed ${SEED}), ${JSON.stringify(Object.fromEntries(events))}: ` +
        `answered ${JSON.stringify(Object.fromEntries(codes))}`,
    );
  }, 60_000);

  it('ids named __proto__, constructor or toString are unknown ids, not inherited ones', async () => {
    const before = await room.facilitator.sync();
    for (const id of PROTO_KEYS) {
      // Assigning a card to a participant that does not exist creates no one.
      expect(
        await room.facilitator.send({ type: 'card.assign', participantId: id, roleId: 'resident' }),
        `card.assign to "${id}"`,
      ).toMatchObject({ ok: false, error: { code: 'seat/unknown_participant' } });
      expect(
        await room.seat('chair').client.send({ type: 'candidate.nominate', participantId: id }),
      ).toMatchObject({ ok: false });
      expect(
        await observer.send({ type: 'tip.whisper', tipId: `t-${id}`, to: id, text: 'Hello' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'seat/unknown_participant' },
      });
    }
    const after = await room.facilitator.sync();
    expect(after.ok && after.live.participants).toEqual(before.ok && before.live.participants);
    expect(after.ok && after.live.seq).toBe(before.ok && before.live.seq);

    // An observer cannot choose its own id by naming one every object has.
    for (const observerId of PROTO_KEYS) {
      const client = await HeadlessClient.connect(server.url, {
        role: 'observer',
        sessionId: room.session.sessionId,
        token: room.session.observerToken,
        name: 'Object',
        observerId,
      });
      try {
        const viewer = client.welcome?.viewer;
        expect(viewer?.kind === 'observer' && viewer.observerId, observerId).toMatch(/^o-/);
      } finally {
        client.close();
      }
    }
    expect(await health(server.url)).toBe(200);
  });
});
