// Presence changes wait PRESENCE_DELAY_MS for company, on a controlled clock:
// the real SessionRooms and SessionHost, a recording stand-in for Socket.IO,
// and fake timers, so which changes share a patch is decided by the test,
// not by when a machine under load delivers three reconnections.
import type { Server, Socket } from 'socket.io';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../server/logger.ts';
import { SessionHost } from '../../../server/sessions/session-host.ts';
import type { Connection } from '../../../server/sockets/identify.ts';
import { PRESENCE_DELAY_MS, SessionRooms } from '../../../server/sockets/session-rooms.ts';
import { InlineWriter } from '../../../server/storage/batch-writer.ts';
import { CommitQueue } from '../../../server/storage/commit-queue.ts';
import { SqliteStorage } from '../../../server/storage/sqlite-storage.ts';
import type { ViewPatchMessage } from '../../../shared/protocol/messages.ts';
import { engineScenario } from '../../support/meeting-fixture.ts';
import { engineSessionRow } from '../../support/storage-drivers.ts';

afterEach(() => vi.useRealTimers());

async function room() {
  const storage = SqliteStorage.memory();
  const row = engineSessionRow('s1');
  storage.createSession(row);
  const commits = new CommitQueue(new InlineWriter(storage));
  const host = SessionHost.create(row, engineScenario(), {
    storage,
    logger: createLogger('silent'),
    commits,
  });
  for (const id of ['a', 'b', 'c', 'd']) await host.join(id, id.toUpperCase());
  // Broadcasts to the trainees' room, as Socket.IO would send them.
  const broadcasts: ViewPatchMessage[] = [];
  const io = {
    to: (name: string) => ({
      emit: (event: string, message: ViewPatchMessage) => {
        if (name === 's1/trainee' && event === 'patch') broadcasts.push(message);
      },
    }),
  } as unknown as Server;
  const rooms = new SessionRooms(io);
  const socket = { join: () => undefined, emit: () => true } as unknown as Socket;
  const connection: Connection = {
    host,
    kind: 'trainee',
    principal: { kind: 'trainee', sessionId: 's1', participantId: 'a' },
    credential: {},
    viewer: { kind: 'trainee', participantId: 'a' },
    audience: 'trainee',
    sender: { actor: { kind: 'participant', id: 'a' }, id: 'a' },
  };
  rooms.join(connection, socket);
  return { host, broadcasts };
}

describe('the presence window', () => {
  it('changes within one window go out as one patch, at its end; a later change gets its own', async () => {
    const { host, broadcasts } = await room();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    host.setOnline('b', true);
    vi.advanceTimersByTime(PRESENCE_DELAY_MS - 10);
    host.setOnline('c', true);
    host.setOnline('d', true);
    vi.advanceTimersByTime(9);
    expect(broadcasts).toEqual([]); // the window is not over
    vi.advanceTimersByTime(1);
    expect(broadcasts).toHaveLength(1);
    const [first] = broadcasts;
    expect(first?.seq).toBe(first?.base); // nothing was logged
    const online = (m: ViewPatchMessage | undefined) => {
      const patch = m?.patch as { participants?: { $set: { id: string; online: boolean }[] } } | undefined;
      return (patch?.participants?.$set ?? []).filter((p) => p.online).map((p) => p.id);
    };
    expect(online(first)).toEqual(['b', 'c', 'd']);

    host.setOnline('c', false);
    vi.advanceTimersByTime(PRESENCE_DELAY_MS);
    expect(broadcasts).toHaveLength(2);
    expect(online(broadcasts[1])).toEqual(['b', 'd']);
  });

  it('a change that is undone within the window sends nothing', async () => {
    const { host, broadcasts } = await room();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    host.setOnline('b', true);
    host.setOnline('b', false);
    vi.advanceTimersByTime(PRESENCE_DELAY_MS * 3);
    expect(broadcasts).toEqual([]);
  });
});
