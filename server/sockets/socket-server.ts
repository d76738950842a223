// Socket.IO transport: authenticates each connection, validates every
// message against the protocol's schemas, rate-limits each socket, and fans
// projected views out after every change. It never sends an unprojected byte.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
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
  SERVER_EVENTS,
  type StateAtAck,
  type SyncAck,
  stateAtRequestSchema,
  syncRequestSchema,
  type ViewPatchMessage,
  type Welcome,
} from '../../shared/protocol/messages.ts';
import { type DiffMemo, diff } from '../../shared/views/patch.ts';
import type { LiveView } from '../../shared/views/types.ts';
import type { Logger } from '../logger.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import type { SessionHost } from '../sessions/session-host.ts';
import { type Connection, identify } from './identify.ts';
import { TokenBucket } from './rate-limit.ts';
import {
  advanceCursor,
  debriefFor,
  fanOutViews,
  initialCursor,
  type LogCursor,
  liveViewAt,
  liveViewFor,
  staticFor,
  timelineFor,
} from './views.ts';

export interface SocketOptions {
  /** Largest message a client may send, in bytes. */
  maxPayloadBytes?: number;
  commandsPerSecond?: number;
  burst?: number;
}

type Ack<T> = ((answer: T) => void) | undefined;

export function attachSockets(
  http: HttpServer,
  registry: SessionRegistry,
  logger: Logger,
  options: SocketOptions = {},
): Server {
  const io = new Server(http, { maxHttpBufferSize: options.maxPayloadBytes ?? 16_384, serveClient: false });
  type Member = Connection & { socket: Socket; cursor: LogCursor; presence: number; lastSent: LiveView };
  const rooms = new Map<SessionHost, Set<Member>>();
  const scheduled = new Set<SessionHost>();

  // Changes are coalesced: one fan-out per session per turn of the event loop.
  // A member gets a view only when something it may see has changed.
  const scheduleFanOut = (host: SessionHost) => {
    if (scheduled.has(host)) return;
    scheduled.add(host);
    setImmediate(() => {
      scheduled.delete(host);
      const members = rooms.get(host);
      if (!members || members.size === 0) return;
      if (host.isClosed) {
        const notice: Notice = { kind: 'session_deleted' };
        for (const member of members) {
          member.socket.emit(SERVER_EVENTS.notice, notice);
          member.socket.disconnect(true);
        }
        rooms.delete(host);
        return;
      }
      const due = [...members].filter(
        (m) => advanceCursor(m, m.cursor) || m.presence !== host.presenceVersion,
      );
      // Members' views share most of their parts: each shared part is diffed once.
      const memo: DiffMemo = new WeakMap();
      for (const [member, projected] of fanOutViews(host, due)) {
        member.presence = host.presenceVersion;
        const live = { ...projected, seq: member.cursor.visible };
        // Only what changed since this member's last view travels.
        const patch = diff(member.lastSent, live, memo);
        if (patch) {
          const message: ViewPatchMessage = { base: member.lastSent.seq, seq: live.seq, patch };
          member.socket.emit(SERVER_EVENTS.patch, message);
          member.lastSent = live;
        }
        for (const tip of live.me?.tips ?? []) host.tipDelivered(tip.id, live.me?.participantId ?? '');
      }
    });
  };

  io.use((socket, next) => {
    const result = identify(registry, socket.handshake.auth);
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
    const cursor: LogCursor = initialCursor(connection);
    const firstView = { ...liveViewFor(connection), seq: cursor.visible };
    const member: Member = {
      ...connection,
      socket,
      cursor,
      presence: host.presenceVersion,
      lastSent: firstView,
    };
    let room = rooms.get(host);
    if (!room) {
      room = new Set();
      rooms.set(host, room);
      host.subscribe(() => scheduleFanOut(host));
    }
    room.add(member);
    if (viewer.kind === 'trainee') host.setOnline(viewer.participantId, true);

    const known = staticFor(connection);
    const welcome: Welcome = {
      sessionId: host.id,
      viewer,
      ...(connection.name !== undefined && { name: connection.name }),
      ...(viewer.kind === 'facilitator' && { joinCode: host.row.joinCode }),
      staticKey: known.key,
      ...(connection.staticKey !== known.key && { static: known.view }),
      live: firstView,
      missed: connection.lastSeq !== undefined ? timelineFor(connection, connection.lastSeq) : [],
    };
    socket.emit(SERVER_EVENTS.welcome, welcome);

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
      if (!sender)
        return ack?.({
          ok: false,
          error: { code: ERROR_CODES.forbidden, message: 'the projector only watches' },
        });
      try {
        host.execute(sender, parsed.data.cid, parsed.data.command, (answer) => ack?.(answer));
      } catch (error) {
        logger.error({ err: error, session: host.id }, 'command failed');
        ack?.({
          ok: false,
          error: {
            code: ERROR_CODES.internal,
            message: 'the server could not store this command; please retry',
          },
        });
      }
    });

    socket.on(CLIENT_EVENTS.sync, (payload: unknown, ack: Ack<SyncAck>) => {
      if (typeof ack !== 'function' || throttled(ack)) return;
      const parsed = syncRequestSchema.safeParse(payload);
      if (!parsed.success) return invalid(ack, 'sync request', parsed.error.issues.length);
      advanceCursor(connection, cursor);
      // The next patch is based on this view.
      member.lastSent = { ...liveViewFor(connection), seq: cursor.visible };
      ack({ ok: true, live: member.lastSent, missed: timelineFor(connection, parsed.data.lastSeq) });
    });

    socket.on(CLIENT_EVENTS.history, (payload: unknown, ack: Ack<HistoryAck>) => {
      if (typeof ack !== 'function' || throttled(ack)) return;
      const parsed = historyRequestSchema.safeParse(payload);
      if (!parsed.success) return invalid(ack, 'history request', parsed.error.issues.length);
      ack({
        ok: true,
        entries: timelineFor(connection, parsed.data.fromSeq, parsed.data.limit),
        lastSeq: host.lastSeq,
      });
    });

    socket.on(CLIENT_EVENTS.stateAt, (payload: unknown, ack: Ack<StateAtAck>) => {
      if (typeof ack !== 'function' || throttled(ack)) return;
      const parsed = stateAtRequestSchema.safeParse(payload);
      if (!parsed.success) return invalid(ack, 'state_at request', parsed.error.issues.length);
      ack({ ok: true, live: liveViewAt(connection, Math.min(parsed.data.seq, host.lastSeq)) });
    });

    socket.on(CLIENT_EVENTS.debrief, (payload: unknown, ack: Ack<DebriefAck>) => {
      if (typeof ack !== 'function' || throttled(ack)) return;
      if (!debriefRequestSchema.safeParse(payload ?? {}).success) return invalid(ack, 'debrief request', 1);
      const debrief = debriefFor(connection);
      if (!debrief)
        return ack({
          ok: false,
          error: { code: ERROR_CODES.forbidden, message: 'the projector has no debrief' },
        });
      ack({ ok: true, debrief });
    });

    socket.on('disconnect', () => {
      room?.delete(member);
      if (viewer.kind === 'trainee') host.setOnline(viewer.participantId, false);
    });
  });

  return io;
}
