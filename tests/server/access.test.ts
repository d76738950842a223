// Who may do what with the credentials that are not accounts: the join
// code, a resume token, the observer link and the scripts' API token each
// grant exactly their rights and no more (accounts: access-table.test.ts). A
// real server process and real sockets; every refusal is checked by its code.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Credentials, HeadlessClient } from '../../client/headless/client.ts';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, newJoinCode, newToken } from '../../server/sessions/tokens.ts';
import type { AnyCommand } from '../../shared/protocol/messages.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import {
  API_TOKEN,
  AUTH_ENV,
  type CreatedSession,
  connectFacilitator,
  createSession,
  deleteSession,
  request,
} from '../support/session-api.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/scenarios/leak/canary-hearing.yaml');
const BASE64URL_128 = /^[A-Za-z0-9_-]{22,}$/;

let server: ServerProcess;
const open: HeadlessClient[] = [];

beforeAll(async () => {
  const scenariosDir = mkdtempSync(join(tmpdir(), 'civic-access-'));
  copyFileSync(FIXTURE, join(scenariosDir, 'canary-hearing.yaml'));
  server = await startServerProcess({ scenariosDir, env: AUTH_ENV });
});
afterAll(async () => {
  for (const c of open) c.close();
  await server?.stop();
});

async function connect(credentials: Credentials): Promise<HeadlessClient> {
  const client = await HeadlessClient.connect(server.url, credentials, { reconnection: false });
  open.push(client);
  return client;
}

async function joinAs(code: string, name: string) {
  const joined = await HeadlessClient.join(server.url, code, name);
  open.push(joined.client);
  return joined;
}

/** The connect_error a handshake gets: its message and data ({ code, message }). */
async function refusedAt(credentials: unknown): Promise<{ message: string; data: { code: string } }> {
  try {
    const client = await HeadlessClient.connect(server.url, credentials as Credentials, {
      reconnection: false,
    });
    client.close();
  } catch (error) {
    return error as { message: string; data: { code: string } };
  }
  throw new Error(`connected with ${JSON.stringify(credentials)}`);
}

async function refused(client: HeadlessClient, command: AnyCommand): Promise<string> {
  const ack = await client.send(command);
  if (ack.ok) throw new Error(`${command.type} was accepted`);
  return ack.error.code;
}

async function accepted(client: HeadlessClient, command: AnyCommand): Promise<void> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code} ${ack.error.message}`);
}

/** A session with a facilitator, an observer, a chair and two more trainees holding cards, in the lobby. */
async function room() {
  const session = await createSession(server.url, 'canary-hearing');
  const facilitator = await connectFacilitator(server.url, session, { reconnection: false });
  open.push(facilitator);
  const observer = await connect({
    role: 'observer',
    sessionId: session.sessionId,
    token: session.observerToken,
    name: 'Expert',
  });
  const chair = await joinAs(session.joinCode, 'Chair');
  const ownerA = await joinAs(session.joinCode, 'Owner A');
  const resident = await joinAs(session.joinCode, 'Resident');
  await accepted(chair.client, { type: 'card.take', roleId: 'chair' });
  await accepted(ownerA.client, { type: 'card.take', roleId: 'owner_a' });
  await accepted(resident.client, { type: 'card.take', roleId: 'residents' });
  return { session, facilitator, observer, chair, ownerA, resident };
}

describe('the API token (HTTP)', () => {
  it('POST /api/sessions without or with a wrong token is 401 auth/unauthorized', async () => {
    for (const bearer of [
      null,
      'wrong-password',
      '',
      `${API_TOKEN}x`,
      'crt_made-up-token-of-a-plausible-length',
    ]) {
      const { status, body } = await request(server.url, 'POST', '/api/sessions', {
        body: { scenarioId: 'canary-hearing' },
        bearer,
      });
      expect(status, `bearer ${JSON.stringify(bearer)}`).toBe(401);
      expect(body).toMatchObject({ error: { code: 'auth/unauthorized' } });
    }
    // The former shared instructor password is no credential at all now.
    const { status } = await request(server.url, 'POST', '/api/sessions', {
      body: { scenarioId: 'canary-hearing' },
      bearer: AUTH_ENV.ADMIN_PASSWORD,
    });
    expect(status).toBe(401);
  });

  it('listing and deleting sessions need it too', async () => {
    const session = await createSession(server.url, 'canary-hearing');
    const list = await request(server.url, 'GET', '/api/sessions', { bearer: 'nope' });
    expect(list).toMatchObject({ status: 401, body: { error: { code: 'auth/unauthorized' } } });
    const del = await request(server.url, 'DELETE', `/api/sessions/${session.sessionId}`, { bearer: null });
    expect(del).toMatchObject({ status: 401, body: { error: { code: 'auth/unauthorized' } } });
    // The observer link's token does not stand in for it.
    const { status } = await request(server.url, 'POST', '/api/sessions', {
      body: { scenarioId: 'canary-hearing' },
      bearer: session.observerToken,
    });
    expect(status).toBe(401);
    expect(await deleteSession(server.url, session.sessionId)).toBe(204);
  });

  it('a session made by a script belongs to the administrator who holds the token, and has no facilitator link secret', async () => {
    const session = await createSession(server.url, 'canary-hearing');
    const { body } = await request<{ sessions: { id: string; owner: { name: string } }[] }>(
      server.url,
      'GET',
      '/api/sessions',
    );
    expect(body.sessions.find((s) => s.id === session.sessionId)?.owner.name).toBe('管理员');
    // The console opens with an account or an API token: its link carries no secret.
    expect(session.links.facilitator).toBe(`/facilitate/${session.sessionId}`);
    expect(Object.keys(session)).not.toContain('facilitatorToken');
  });
});

describe('tokens and join codes', () => {
  it('session tokens and resume tokens are at least 128 bits of base64url, all different', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) {
      const session = await createSession(server.url, 'canary-hearing');
      tokens.push(session.observerToken);
      const { body } = await request<{ resumeToken: string }>(server.url, 'POST', '/api/join', {
        body: { code: session.joinCode, name: `T${i}` },
        bearer: null,
      });
      tokens.push(body.resumeToken);
      expect(session.links.observer).toBe(`/observe/${session.sessionId}#${session.observerToken}`);
    }
    for (const token of tokens) expect(token).toMatch(BASE64URL_128);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (let i = 0; i < 200; i++) expect(newToken()).toMatch(BASE64URL_128);
  });

  it('join codes are 6 characters from the unambiguous alphabet', async () => {
    expect(JOIN_CODE_LENGTH).toBe(6);
    for (const lookalike of '0O1IL2Z5S8B') expect(JOIN_CODE_ALPHABET).not.toContain(lookalike);
    const pattern = new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`);
    const served: string[] = [];
    for (let i = 0; i < 20; i++) served.push((await createSession(server.url, 'canary-hearing')).joinCode);
    for (const code of served) expect(code).toMatch(pattern);
    expect(new Set(served).size).toBe(served.length);
    const sampled = Array.from({ length: 5000 }, newJoinCode);
    const seen = new Set<string>();
    for (const code of sampled) {
      expect(code).toMatch(pattern);
      for (const ch of code) seen.add(ch);
    }
    // Every letter of the alphabet turns up: the codes use all of it, not a corner.
    expect([...seen].sort().join('')).toBe([...JOIN_CODE_ALPHABET].sort().join(''));
  });

  it('a join code is found however it is typed (case, spaces, dashes)', async () => {
    const session = await createSession(server.url, 'canary-hearing');
    const typed = `${session.joinCode.slice(0, 3).toLowerCase()} -${session.joinCode.slice(3).toLowerCase()}`;
    const { status, body } = await request(server.url, 'POST', '/api/join', {
      body: { code: typed, name: 'Typist' },
      bearer: null,
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ sessionId: session.sessionId });
  });
});

describe('credentials at connect', () => {
  let session: CreatedSession;
  beforeAll(async () => {
    session = await createSession(server.url, 'canary-hearing');
  });

  it('an unknown join code: session/not_found on /api/join and for the projector', async () => {
    const code = session.joinCode === 'KKKKKK' ? 'MMMMMM' : 'KKKKKK';
    const { status, body } = await request(server.url, 'POST', '/api/join', {
      body: { code, name: 'Lost' },
      bearer: null,
    });
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: 'session/not_found' } });
    const error = await refusedAt({ role: 'projector', code });
    expect(error.data.code).toBe('session/not_found');
  });

  it('wrong tokens are refused with auth/bad_credentials', async () => {
    const bogus = newToken();
    expect((await refusedAt({ role: 'trainee', resumeToken: bogus })).data.code).toBe('auth/bad_credentials');
    expect(
      (
        await refusedAt({
          role: 'observer',
          sessionId: session.sessionId,
          token: bogus,
          name: 'Intruder',
        })
      ).data.code,
    ).toBe('auth/bad_credentials');
    expect(
      (await refusedAt({ role: 'facilitator', sessionId: session.sessionId, apiToken: bogus })).data.code,
    ).toBe('auth/bad_credentials');
    // A right token for the wrong session.
    const other = await createSession(server.url, 'canary-hearing');
    expect(
      (
        await refusedAt({
          role: 'observer',
          sessionId: other.sessionId,
          token: session.observerToken,
          name: 'Wrong room',
        })
      ).data.code,
    ).toBe('auth/bad_credentials');
    // The console with no account and no API token: sign in first.
    expect((await refusedAt({ role: 'facilitator', sessionId: session.sessionId })).data.code).toBe(
      'auth/unauthorized',
    );
  });

  it('the observer token is not an API token, and the other way round', async () => {
    const asFacilitator = await refusedAt({
      role: 'facilitator',
      sessionId: session.sessionId,
      apiToken: session.observerToken,
    });
    expect(asFacilitator.data.code).toBe('auth/bad_credentials');
    const asObserver = await refusedAt({
      role: 'observer',
      sessionId: session.sessionId,
      token: API_TOKEN,
      name: 'Sneaky',
    });
    expect(asObserver.data.code).toBe('auth/bad_credentials');
    // An API token opens the console, never the observer screen of an expert's account.
    expect((await refusedAt({ role: 'expert', sessionId: session.sessionId })).data.code).toBe(
      'auth/unauthorized',
    );
  });

  it('a resume token, the join code or a session token do not stand in for one another', async () => {
    const { seat } = await joinAs(session.joinCode, 'Seat holder');
    for (const credentials of [
      { role: 'facilitator', sessionId: session.sessionId, apiToken: seat.resumeToken },
      { role: 'observer', sessionId: session.sessionId, token: seat.resumeToken, name: 'X' },
      { role: 'trainee', resumeToken: session.observerToken },
      { role: 'trainee', resumeToken: API_TOKEN },
    ]) {
      expect((await refusedAt(credentials)).data.code, JSON.stringify(credentials)).toBe(
        'auth/bad_credentials',
      );
    }
    // The join code opens the projector only; as a token it is malformed (too short).
    for (const credentials of [
      { role: 'facilitator', sessionId: session.sessionId, apiToken: session.joinCode },
      { role: 'trainee', resumeToken: session.joinCode },
      {},
      { role: 'admin', token: API_TOKEN },
    ]) {
      const error = await refusedAt(credentials);
      expect(error.data.code, JSON.stringify(credentials)).toBe('auth/unauthorized');
      expect(error.message).toMatch(/resume token|link|join code/);
    }
  });

  it('a resume token connects as its own seat, whatever else the handshake says', async () => {
    const { seat } = await joinAs(session.joinCode, 'Own seat');
    const { seat: other } = await joinAs(session.joinCode, 'Other seat');
    const client = await connect({
      role: 'trainee',
      resumeToken: seat.resumeToken,
      participantId: other.participantId,
    } as Credentials);
    expect(client.welcome?.viewer).toEqual({ kind: 'trainee', participantId: seat.participantId });
    expect(client.live?.me?.participantId).toBe(seat.participantId);
  });
});

describe('rights once connected', () => {
  it('a trainee has a seat’s rights and no more', async () => {
    const { ownerA, resident, chair } = await room();
    const t = ownerA.client;
    expect(t.static?.kind).toBe('public');
    expect(await refused(t, { type: 'meeting.start' })).toBe('auth/forbidden');
    expect(
      await refused(t, { type: 'card.assign', participantId: resident.seat.participantId, roleId: null }),
    ).toBe('auth/forbidden');
    expect(
      await refused(t, { type: 'tip.whisper', tipId: 't1', to: resident.seat.participantId, text: 'psst' }),
    ).toBe('auth/forbidden');
    expect(await refused(t, { type: 'tip.broadcast', tipId: 't2', text: 'all of you' })).toBe(
      'auth/forbidden',
    );
    expect(
      await refused(t, { type: 'marker.drop', markerId: 'm', competency: 'mass_work', kind: 'strength' }),
    ).toBe('auth/forbidden');
    expect(await refused(t, { type: 'backchannel.say', messageId: 'b', text: 'hello' })).toBe(
      'auth/forbidden',
    );
    expect(await refused(t, { type: 'npc.say', roleId: 'official', text: 'I am the official' })).toBe(
      'auth/forbidden',
    );
    expect(await refused(t, { type: 'settings.update', observersMayFireInjects: true })).toBe(
      'auth/forbidden',
    );
    expect(await refused(t, { type: 'cards.balance' })).toBe('auth/forbidden');
    // Server-only commands, whoever sends them.
    expect(await refused(t, { type: 'participant.join', participantId: 'ghost', name: 'Ghost' })).toBe(
      'protocol/server_only',
    );
    expect(await refused(t, { type: 'observer.join', observerId: 'o-me', name: 'Me' })).toBe(
      'protocol/server_only',
    );
    expect(await refused(t, { type: 'tip.delivered', tipId: 'x', participantId: 'y' })).toBe(
      'protocol/server_only',
    );

    // Chair powers belong to the chair card.
    const { facilitator } = await roomStarted(chair.client);
    expect(await refused(t, { type: 'floor.give' })).toBe('floor/not_chair');
    expect(await refused(t, { type: 'item.next' })).toBe('floor/not_chair');
    expect(await refused(t, { type: 'floor.cut' })).toBe('floor/not_chair');
    expect(await refused(t, { type: 'inject.fire', injectId: 'town_news' })).toBe('auth/forbidden');
    expect(await refused(t, { type: 'meeting.end' })).toBe('auth/forbidden');
    // …and what a seat may do, it may (the opening statement takes no hands: a point of order).
    await accepted(t, { type: 'point_of_order' });
    await accepted(chair.client, { type: 'floor.give' });
    expect(await refused(resident.client, { type: 'statement.post', text: 'not my turn' })).toBe(
      'floor/not_holder',
    );
    await accepted(facilitator, { type: 'meeting.end' });
  });

  it('an observer coaches but cannot run the meeting or vote', async () => {
    const { observer, chair, ownerA, facilitator } = await room();
    expect(observer.static?.kind).toBe('full');
    expect(await refused(observer, { type: 'meeting.start' })).toBe('auth/forbidden');
    expect(await refused(observer, { type: 'card.take', roleId: 'owner_b' })).toBe('auth/forbidden');
    expect(await refused(observer, { type: 'cards.balance' })).toBe('auth/forbidden');
    expect(await refused(observer, { type: 'participant.join', participantId: 'p', name: 'P' })).toBe(
      'protocol/server_only',
    );
    await accepted(observer, {
      type: 'tip.whisper',
      tipId: 'tip-1',
      to: ownerA.seat.participantId,
      text: 'Breathe',
    });
    expect(await refused(observer, { type: 'tip.read', tipId: 'tip-1' })).toBe('auth/forbidden');

    await accepted(facilitator, { type: 'meeting.start' });
    await accepted(chair.client, { type: 'meeting.begin' });
    expect(await refused(observer, { type: 'meeting.begin' })).toBe('auth/forbidden');
    expect(await refused(observer, { type: 'item.next' })).toBe('auth/forbidden');
    expect(await refused(observer, { type: 'floor.give' })).toBe('auth/forbidden');
    expect(await refused(observer, { type: 'meeting.end' })).toBe('auth/forbidden');
    // Injects only when the facilitator allows it.
    expect(await refused(observer, { type: 'inject.fire', injectId: 'town_news' })).toBe('auth/forbidden');
    expect(await refused(observer, { type: 'settings.update', observersMayFireInjects: true })).toBe(
      'auth/forbidden',
    );
    await accepted(facilitator, { type: 'settings.update', observersMayFireInjects: true });
    await accepted(observer, { type: 'inject.fire', injectId: 'town_news' });
    await accepted(observer, { type: 'npc.say', roleId: 'official', text: 'The office agrees.' });

    // The ballot: observers do not vote (nor does the facilitator).
    await accepted(facilitator, { type: 'item.goto', itemId: 'secret_vote' });
    await accepted(chair.client, { type: 'vote.open' });
    expect(await refused(observer, { type: 'vote.cast', choice: 'yes' })).toBe('auth/forbidden');
    expect(await refused(facilitator, { type: 'vote.cast', choice: 'yes' })).toBe('auth/forbidden');
    expect(await refused(observer, { type: 'vote.close' })).toBe('auth/forbidden');
    await accepted(ownerA.client, { type: 'vote.cast', choice: 'yes' });
    await accepted(facilitator, { type: 'item.goto', itemId: 'elect' });
    await accepted(facilitator, { type: 'candidate.nominate', participantId: ownerA.seat.participantId });
    expect(
      await refused(observer, { type: 'candidate.nominate', participantId: chair.seat.participantId }),
    ).toBe('auth/forbidden');
    await accepted(chair.client, { type: 'vote.open' });
    expect(await refused(observer, { type: 'election.cast', choices: [ownerA.seat.participantId] })).toBe(
      'auth/forbidden',
    );
  });

  it('the projector cannot send anything', async () => {
    const { session, facilitator } = await room();
    const projector = await connect({ role: 'projector', code: session.joinCode });
    expect(projector.static?.kind).toBe('public');
    for (const command of [
      { type: 'hand.raise' },
      { type: 'meeting.start' },
      { type: 'tip.broadcast', tipId: 'x', text: 'hello' },
      { type: 'vote.cast', choice: 'yes' },
      { type: 'cards.balance' },
      { type: 'participant.join', participantId: 'p', name: 'P' },
    ] as AnyCommand[]) {
      expect(await refused(projector, command), command.type).toBe('auth/forbidden');
    }
    // It still watches.
    await accepted(facilitator, { type: 'meeting.start' });
    await projector.until((l) => l.phase === 'briefing');
  });

  it('the facilitator link runs the meeting but holds no seat and sends no server-only command', async () => {
    const { facilitator, chair } = await room();
    expect(facilitator.static?.kind).toBe('full');
    expect(await refused(facilitator, { type: 'card.take', roleId: 'owner_b' })).toBe('auth/forbidden');
    expect(await refused(facilitator, { type: 'hand.raise' })).toBe('auth/forbidden');
    expect(await refused(facilitator, { type: 'participant.join', participantId: 'p', name: 'P' })).toBe(
      'protocol/server_only',
    );
    expect(await refused(facilitator, { type: 'tip.read', tipId: 'x' })).toBe('auth/forbidden');
    await accepted(facilitator, { type: 'meeting.start' });
    await accepted(facilitator, { type: 'meeting.begin' });
    await accepted(facilitator, {
      type: 'floor.give',
      to: { kind: 'participant', id: chair.seat.participantId },
    });
  });
});

describe('a deleted session', () => {
  it('refuses every credential it ever issued', async () => {
    const session = await createSession(server.url, 'canary-hearing');
    const { seat, client } = await joinAs(session.joinCode, 'Soon gone');
    client.close();
    expect(await deleteSession(server.url, session.sessionId)).toBe(204);
    expect(await deleteSession(server.url, session.sessionId)).toBe(404);

    expect((await refusedAt({ role: 'trainee', resumeToken: seat.resumeToken })).data.code).toBe(
      'auth/bad_credentials',
    );
    expect(
      (
        await refusedAt({
          role: 'observer',
          sessionId: session.sessionId,
          token: session.observerToken,
          name: 'Late',
        })
      ).data.code,
    ).toBe('auth/bad_credentials');
    // The API token is still good; the session is not.
    expect(
      (
        await refusedAt({
          role: 'facilitator',
          sessionId: session.sessionId,
          apiToken: API_TOKEN,
        })
      ).data.code,
    ).toBe('session/not_found');
    expect((await refusedAt({ role: 'projector', code: session.joinCode })).data.code).toBe(
      'session/not_found',
    );
    const rejoin = await request(server.url, 'POST', '/api/join', {
      body: { code: session.joinCode, name: 'Again' },
      bearer: null,
    });
    expect(rejoin).toMatchObject({ status: 404, body: { error: { code: 'session/not_found' } } });
  });

  it('cuts off the clients still connected to it', async () => {
    const { session, ownerA, observer, facilitator } = await room();
    expect(await deleteSession(server.url, session.sessionId)).toBe(204);
    for (const client of [ownerA.client, observer, facilitator]) {
      await client.waitFor(() => !client.connected, 5_000);
      expect(client.notices).toContainEqual({ kind: 'session_deleted' });
    }
  });
});

/** Starts the room's meeting: the facilitator starts, the chair begins (first item: statements). */
async function roomStarted(chair: HeadlessClient) {
  const session = chair.welcome?.sessionId as string;
  const facilitator = open.find(
    (c) => c.welcome?.sessionId === session && c.welcome.viewer.kind === 'facilitator',
  );
  if (!facilitator) throw new Error('no facilitator in this room');
  await accepted(facilitator, { type: 'meeting.start' });
  await accepted(chair, { type: 'meeting.begin' });
  return { facilitator };
}
