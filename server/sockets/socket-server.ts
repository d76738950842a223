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
import { PROTOCOL_VERSION, requestedProtocol } from '../../shared/protocol/version.ts';
import { recordPage } from '../../shared/views/live-record.ts';
import type { Accounts, Revocation } from '../auth/accounts.ts';
import type { Logger } from '../logger.ts';
import { SESSION_FAILED } from '../sessions/failures.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import { type Connection, type Credential, identify } from './identify.ts';
import { ackRequired, type Incoming, readIncoming, refusal, unknownEvent } from './incoming.ts';
import { TokenBucket } from './rate-limit.ts';
import { SessionRooms } from './session-rooms.ts';
import {
  debriefFor,
  liveViewAt,
  missedSince,
  roomNumber,
  staticFor,
  timelineLength,
  timelinePage,
} from './views.ts';

export interface SocketOptions {
  /** Largest message a client may send, in bytes. */
  maxPayloadBytes?: number;
  commandsPerSecond?: number;
  burst?: number;
}

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
    const asked = requestedProtocol(socket.handshake.auth);
    const result: ReturnType<typeof identify> =
      asked !== undefined && asked !== PROTOCOL_VERSION
        ? refusal(
            ERROR_CODES.unsupportedVersion,
            `this server speaks protocol ${PROTOCOL_VERSION}, not ${JSON.stringify(asked)}; update the app`,
          )
        : identify(registry, accounts, socket.handshake.auth, socket.handshake.headers.cookie);
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
        protocol: PROTOCOL_VERSION,
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
        missed: connection.lastSeq !== undefined ? missedSince(connection, connection.lastSeq) : [],
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
    const answering = <T extends { ok: boolean }>(what: string, message: Incoming, work: () => T) => {
      try {
        message.reply(work());
      } catch (error) {
        logger.error({ err: error, session: host.id, request: what }, 'request failed');
        message.reply(
          refusal(ERROR_CODES.internal, `the server could not answer this ${what}; please retry`),
        );
      }
    };

    const bucket = new TokenBucket(options.commandsPerSecond ?? 20, options.burst ?? 40);
    const throttled = (message: Incoming) => {
      if (bucket.take()) return false;
      const notice: Notice = { kind: 'rate_limited', retryAfterMs: bucket.retryAfterMs() };
      socket.emit(SERVER_EVENTS.notice, notice);
      message.reply(
        refusal(ERROR_CODES.rateLimited, `too many messages; try again in ${notice.retryAfterMs} ms`),
      );
      return true;
    };
    const invalid = (message: Incoming, what: string, issues: unknown) =>
      message.reply(refusal(ERROR_CODES.invalidMessage, `malformed ${what}`, issues));
    const oneValue = (message: Incoming) => {
      if (!message.extra) return true;
      invalid(message, message.event, 'send one payload (then the acknowledgement callback), not several');
      return false;
    };
    /**
     * The checks every read shares: a token, an ack to answer in (a read's
     * answer is its ack; without one it gets protocol/ack_required), one payload.
     */
    const readable = (message: Incoming) => {
      if (throttled(message)) return false;
      if (message.acked) return oneValue(message);
      message.reply(ackRequired(message.event));
      return false;
    };
    const on = (event: string, handle: (message: Incoming) => void) =>
      socket.on(event, (...args: unknown[]) => handle(readIncoming(socket, event, args)));

    on(CLIENT_EVENTS.command, (message) => {
      if (throttled(message) || !oneValue(message)) return;
      const parsed = commandEnvelopeSchema.safeParse(message.payload);
      if (!parsed.success)
        return invalid(
          message,
          'command',
          parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path, message: i.message })),
        );
      const { cid } = parsed.data;
      if (registry.get(host.id) !== host)
        return message.reply(refusal(ERROR_CODES.sessionEnded, 'this session has been deleted'), cid);
      const { expiresAt } = connection.credential;
      if (expiresAt !== undefined && accounts.now() >= expiresAt) {
        message.reply(refusal(ACCOUNT_ERRORS.signedOut, 'your sign-in has expired; sign in again'), cid);
        return signOff(socket);
      }
      const right = commandRight(connection.kind, parsed.data.command.type);
      if (!sender || !right)
        return message.reply(refusal(ERROR_CODES.forbidden, 'the projector only watches'), cid);
      if (!may(connection.principal, right, accounts.owners.of(host.id)))
        return message.reply(
          connection.kind === 'facilitator'
            ? refusal(
                ACCOUNT_ERRORS.readOnly,
                'this console is read-only: the session is another instructor’s; ask them to share it',
              )
            : refusal(ERROR_CODES.forbidden, 'you may not send this command'),
          cid,
        );
      try {
        // The host answers in session seqs (its receipts keep them); the client gets its room's number.
        host.execute(sender, cid, parsed.data.command, (answer) =>
          message.reply(answer.ok ? { ok: true, seq: roomNumber(connection, answer.seq) } : answer, cid),
        );
      } catch (error) {
        host.fail('command', error);
        message.reply({ ok: false, error: SESSION_FAILED }, cid);
      }
    });

    on(CLIENT_EVENTS.sync, (message) => {
      if (!readable(message)) return;
      const parsed = syncRequestSchema.safeParse(message.payload);
      if (!parsed.success) return invalid(message, 'sync request', parsed.error.issues.length);
      // The streams' current views (brought up to date first): the next patches are based on them.
      rooms.flush(host);
      const answer = host.failure
        ? undefined
        : host.guard(
            'projection',
            (): SyncAck => ({
              ok: true,
              ...rooms.viewOf(member, host.time),
              missed: missedSince(connection, parsed.data.lastSeq),
            }),
          );
      message.reply(answer ?? { ok: false, error: SESSION_FAILED });
    });

    on(CLIENT_EVENTS.history, (message) => {
      if (!readable(message)) return;
      const parsed = historyRequestSchema.safeParse(message.payload);
      if (!parsed.success) return invalid(message, 'history request', parsed.error.issues.length);
      answering<HistoryAck>('history request', message, () => ({
        ok: true,
        entries: timelinePage(connection, parsed.data.fromSeq, parsed.data.limit),
        lastSeq: timelineLength(connection),
      }));
    });

    on(CLIENT_EVENTS.stateAt, (message) => {
      if (!readable(message)) return;
      const parsed = stateAtRequestSchema.safeParse(message.payload);
      if (!parsed.success) return invalid(message, 'state_at request', parsed.error.issues.length);
      answering<StateAtAck>('state_at request', message, () => ({
        ok: true,
        live: liveViewAt(connection, parsed.data.seq),
      }));
    });

    on(CLIENT_EVENTS.record, (message) => {
      if (!readable(message)) return;
      const parsed = recordRequestSchema.safeParse(message.payload);
      if (!parsed.success) return invalid(message, 'record request', parsed.error.issues.length);
      const { list, before, limit = 100 } = parsed.data;
      answering<RecordAck>('record request', message, () => ({
        ok: true,
        ...recordPage(host.context, list, before, limit),
      }));
    });

    on(CLIENT_EVENTS.debrief, (message) => {
      if (!readable(message)) return;
      if (!debriefRequestSchema.safeParse(message.payload ?? {}).success)
        return invalid(message, 'debrief request', 1);
      answering<DebriefAck>('debrief request', message, () => {
        const debrief = debriefFor(connection);
        return debrief
          ? { ok: true, debrief }
          : refusal(ERROR_CODES.forbidden, 'the projector has no debrief');
      });
    });

    // Any other event name (numbers too: Socket.IO lets a client name an event 7).
    const known = new Set<unknown>(Object.values(CLIENT_EVENTS));
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (known.has(event)) return;
      const message = readIncoming(socket, String(event), args);
      if (!throttled(message)) message.reply(unknownEvent(event));
    });
    // A client may emit "error" (Socket.IO does not reserve it): without a
    // listener, Node's emitter would throw it. It is answered above.
    socket.on('error', (error: unknown) => logger.debug({ err: error, session: host.id }, 'socket error'));

    socket.on('disconnect', () => {
      rooms.leave(member);
      if (viewer.kind === 'trainee') host.setOnline(viewer.participantId, false);
      if (viewer.kind === 'observer') host.setObserverOnline(viewer.observerId, false);
    });
  });

  return io;
}
