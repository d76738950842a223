// Socket.IO transport: authenticates each connection, validates every
// message against the protocol's schemas, checks every command against the
// table of rights, rate-limits each socket, and fans projected views out
// after every change. It never sends an unprojected byte.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { ACCOUNT_ERRORS } from '../../shared/access/errors.ts';
import { commandRight, may } from '../../shared/access/rights.ts';
import { ERROR_CODES, type ErrorPayload } from '../../shared/protocol/errors.ts';
import {
  CLIENT_EVENTS,
  type CommandAck,
  commandEnvelopeSchema,
  type DebriefAck,
  debriefRequestSchema,
  type HistoryAck,
  historyRequestSchema,
  type Notice,
  type RecordAck,
  recordRequestSchema,
  SERVER_EVENTS,
  type StateAtAck,
  type SyncAck,
  stateAtRequestSchema,
  syncRequestSchema,
  type Welcome,
} from '../../shared/protocol/messages.ts';
import { recordPage } from '../../shared/views/live.ts';
import type { Accounts, Revocation } from '../auth/accounts.ts';
import type { Logger } from '../logger.ts';
import { SESSION_FAILED } from '../sessions/failures.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import { type Connection, type Credential, identify } from './identify.ts';
import { TokenBucket } from './rate-limit.ts';
import { SessionRooms } from './session-rooms.ts';
import { debriefFor, liveViewAt, staticFor, timelineFor } from './views.ts';

export interface SocketOptions {
  /** Largest message a client may send, in bytes. */
  maxPayloadBytes?: number;
  commandsPerSecond?: number;
  burst?: number;
}

type Ack<T> = ((answer: T) => void) | undefined;

/** Whether a revocation ends what this connection was opened with. */
function covers(revocation: Revocation, credential: Credential): boolean {
  switch (revocation.kind) {
    case 'account':
      return (
        credential.accountId === revocation.accountId && credential.signInHash !== revocation.exceptSignIn
      );
    case 'sign_in':
      return credential.signInHash === revocation.tokenHash;
    case 'api_token':
      return credential.tokenId === revocation.tokenId;
  }
}

function signOff(socket: Socket): void {
  const notice: Notice = { kind: 'signed_out' };
  socket.emit(SERVER_EVENTS.notice, notice);
  socket.disconnect(true);
}

export function attachSockets(
  http: HttpServer,
  registry: SessionRegistry,
  accounts: Accounts,
  logger: Logger,
  options: SocketOptions = {},
): Server {
  const io = new Server(http, { maxHttpBufferSize: options.maxPayloadBytes ?? 16_384, serveClient: false });
  const rooms = new SessionRooms(io);

  // Signing out, disabling an account, changing a password or revoking a token cuts its sockets at once.
  accounts.onRevoked((revocation) => {
    for (const socket of io.sockets.sockets.values()) {
      const connection = socket.data.connection as Connection | undefined;
      if (connection && covers(revocation, connection.credential)) signOff(socket);
    }
  });

  io.use((socket, next) => {
    const result = identify(registry, accounts, socket.handshake.auth, socket.handshake.headers.cookie);
    if (!result.ok) {
      const error = new Error(result.error.message) as Error & { data: ErrorPayload };
      error.data = result.error;
      return next(error);
    }
    socket.data.connection = result.connection;
    next();
  });

  io.on('connection', (socket) => {
    const connection = socket.data.connection as Connection;
    const { host, viewer, sender } = connection;
    if (viewer.kind === 'trainee') host.setOnline(viewer.participantId, true);
    // The welcome is a projection: if it throws, this session stops (only it)
    // and this client is told so instead of waiting for a welcome.
    if (viewer.kind === 'observer') host.setObserverOnline(viewer.observerId, true);
    let joined: ReturnType<SessionRooms['join']> | undefined;
    const member = host.guard('projection', () => {
      joined = rooms.join(connection, socket);
      const known = staticFor(connection);
      const welcome: Welcome = {
        sessionId: host.id,
        viewer,
        ...(connection.name !== undefined && { name: connection.name }),
        ...(viewer.kind === 'facilitator' && { joinCode: host.row.joinCode }),
        ...((connection.principal.kind === 'account' || connection.principal.kind === 'api_token') && {
          access: { principal: connection.principal, session: accounts.owners.of(host.id) },
        }),
        timeZone: host.timeZone,
        staticKey: known.key,
        ...(connection.staticKey !== known.key && { static: known.view }),
        ...rooms.viewOf(joined, host.time),
        missed: connection.lastSeq !== undefined ? timelineFor(connection, connection.lastSeq) : [],
      };
      socket.emit(SERVER_EVENTS.welcome, welcome);
      rooms.delivered(joined);
      return joined;
    });
    if (!member) {
      if (joined) rooms.leave(joined);
      if (viewer.kind === 'trainee') host.setOnline(viewer.participantId, false);
      if (viewer.kind === 'observer') host.setObserverOnline(viewer.observerId, false);
      const notice: Notice = { kind: 'session_failed', error: SESSION_FAILED };
      socket.emit(SERVER_EVENTS.notice, notice);
      socket.disconnect(true);
      return;
    }
    /**
     * Answers a read (history, state_at, debrief): an exception is logged
     * with the session and answered server/internal; the session goes on.
     */
    const answering = <T extends { ok: boolean }>(
      what: string,
      ack: (answer: T | { ok: false; error: ErrorPayload }) => void,
      work: () => T,
    ) => {
      try {
        ack(work());
      } catch (error) {
        logger.error({ err: error, session: host.id, request: what }, 'request failed');
        ack({
          ok: false,
          error: {
            code: ERROR_CODES.internal,
            message: `the server could not answer this ${what}; please retry`,
          },
        });
      }
    };

    const bucket = new TokenBucket(options.commandsPerSecond ?? 20, options.burst ?? 40);
    const throttled = (ack: Ack<{ ok: false; error: ErrorPayload }>) => {
      if (bucket.take()) return false;
      const notice: Notice = { kind: 'rate_limited', retryAfterMs: bucket.retryAfterMs() };
      socket.emit(SERVER_EVENTS.notice, notice);
      ack?.({
        ok: false,
        error: {
          code: ERROR_CODES.rateLimited,
          message: `too many messages; try again in ${notice.retryAfterMs} ms`,
        },
      });
      return true;
    };
    const invalid = (ack: Ack<{ ok: false; error: ErrorPayload }>, what: string, issues: unknown) =>
      ack?.({
        ok: false,
        error: { code: ERROR_CODES.invalidMessage, message: `malformed ${what}`, details: issues },
      });

    socket.on(CLIENT_EVENTS.command, (payload: unknown, ack: Ack<CommandAck>) => {
      if (typeof ack !== 'function') ack = undefined;
      if (throttled(ack)) return;
      const parsed = commandEnvelopeSchema.safeParse(payload);
      if (!parsed.success)
        return invalid(
          ack,
          'command',
          parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path, message: i.message })),
        );
      if (registry.get(host.id) !== host)
        return ack?.({
          ok: false,
          error: { code: ERROR_CODES.sessionEnded, message: 'this session has been deleted' },
        });
      const { expiresAt } = connection.credential;
      if (expiresAt !== undefined && accounts.now() >= expiresAt) {
        ack?.({
          ok: false,
          error: { code: ACCOUNT_ERRORS.signedOut, message: 'your sign-in has expired; sign in again' },
        });
        return signOff(socket);
      }
      const right = commandRight(connection.kind, parsed.data.command.type);
      if (!sender || !right)
        return ack?.({
          ok: false,
          error: { code: ERROR_CODES.forbidden, message: 'the projector only watches' },
        });
      if (!may(connection.principal, right, accounts.owners.of(host.id)))
        return ack?.({
          ok: false,
          error:
            connection.kind === 'facilitator'
              ? {
                  code: ACCOUNT_ERRORS.readOnly,
                  message:
                    'this console is read-only: the session is another instructor’s; ask them to share it',
                }
              : { code: ERROR_CODES.forbidden, message: 'you may not send this command' },
        });
      try {
        host.execute(sender, parsed.data.cid, parsed.data.command, (answer) => ack?.(answer));
      } catch (error) {
        host.fail('command', error);
        ack?.({ ok: false, error: SESSION_FAILED });
      }
    });

    socket.on(CLIENT_EVENTS.sync, (payload: unknown, ack: Ack<SyncAck>) => {
      if (typeof ack !== 'function' || throttled(ack)) return;
      const parsed = syncRequestSchema.safeParse(payload);
      if (!parsed.success) return invalid(ack, 'sync request', parsed.error.issues.length);
      // The streams' current views (brought up to date first): the next patches are based on them.
      rooms.flush(host);
      const answer = host.failure
        ? undefined
        : host.guard(
            'projection',
            (): SyncAck => ({
              ok: true,
              ...rooms.viewOf(member, host.time),
              missed: timelineFor(connection, parsed.data.lastSeq),
            }),
          );
      ack(answer ?? { ok: false, error: SESSION_FAILED });
    });

    socket.on(CLIENT_EVENTS.history, (payload: unknown, ack: Ack<HistoryAck>) => {
      if (typeof ack !== 'function' || throttled(ack)) return;
      const parsed = historyRequestSchema.safeParse(payload);
      if (!parsed.success) return invalid(ack, 'history request', parsed.error.issues.length);
      answering<HistoryAck>('history request', ack, () => ({
        ok: true,
        entries: timelineFor(connection, parsed.data.fromSeq, parsed.data.limit),
        lastSeq: host.lastSeq,
      }));
    });

    socket.on(CLIENT_EVENTS.stateAt, (payload: unknown, ack: Ack<StateAtAck>) => {
      if (typeof ack !== 'function' || throttled(ack)) return;
      const parsed = stateAtRequestSchema.safeParse(payload);
      if (!parsed.success) return invalid(ack, 'state_at request', parsed.error.issues.length);
      answering<StateAtAck>('state_at request', ack, () => ({
        ok: true,
        live: liveViewAt(connection, Math.min(parsed.data.seq, host.lastSeq)),
      }));
    });

    socket.on(CLIENT_EVENTS.record, (payload: unknown, ack: Ack<RecordAck>) => {
      if (typeof ack !== 'function' || throttled(ack)) return;
      const parsed = recordRequestSchema.safeParse(payload);
      if (!parsed.success) return invalid(ack, 'record request', parsed.error.issues.length);
      const { list, before, limit = 100 } = parsed.data;
      answering<RecordAck>('record request', ack, () => ({
        ok: true,
        ...recordPage(host.context, list, before, limit),
      }));
    });

    socket.on(CLIENT_EVENTS.debrief, (payload: unknown, ack: Ack<DebriefAck>) => {
      if (typeof ack !== 'function' || throttled(ack)) return;
      if (!debriefRequestSchema.safeParse(payload ?? {}).success) return invalid(ack, 'debrief request', 1);
      answering<DebriefAck>('debrief request', ack, () => {
        const debrief = debriefFor(connection);
        return debrief
          ? { ok: true, debrief }
          : { ok: false, error: { code: ERROR_CODES.forbidden, message: 'the projector has no debrief' } };
      });
    });

    socket.on('disconnect', () => {
      rooms.leave(member);
      if (viewer.kind === 'trainee') host.setOnline(viewer.participantId, false);
      if (viewer.kind === 'observer') host.setObserverOnline(viewer.observerId, false);
    });
  });

  return io;
}
