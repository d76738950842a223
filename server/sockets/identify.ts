// Who is connecting: the handshake's credentials resolved to a session, a
// viewer and a sender. Wrong or unknown credentials get one clear error.
import { ERROR_CODES, type ErrorPayload } from '../../shared/protocol/errors.ts';
import { handshakeSchema, type Viewer } from '../../shared/protocol/messages.ts';
import type { Audience } from '../../shared/views/types.ts';
import { SESSION_FAILED } from '../sessions/failures.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import type { Sender, SessionHost } from '../sessions/session-host.ts';
import { newId } from '../sessions/tokens.ts';

export interface Connection {
  host: SessionHost;
  viewer: Viewer;
  audience: Audience;
  /** Null for the projector, which only watches. */
  sender: Sender | null;
  name?: string;
  lastSeq?: number;
  /** The static view the client already holds. */
  staticKey?: string;
}

export type Identified = { ok: true; connection: Connection } | { ok: false; error: ErrorPayload };

const refuse = (code: ErrorPayload['code'], message: string): Identified => ({
  ok: false,
  error: { code, message },
});

const NEEDS_ATTENTION = refuse(
  ERROR_CODES.sessionNeedsAttention,
  'this session could not be restored after the server restarted; the instructor sees why in the session list',
);

/**
 * Who is connecting; refused with session/failed while the session is
 * stopped after an error, and session/needs_attention when it could not be
 * restored, so the person is told that rather than that their link is wrong.
 */
export function identify(registry: SessionRegistry, auth: unknown): Identified {
  const identified = identifyLive(registry, auth);
  if (identified.ok && identified.connection.host.failure) return { ok: false, error: SESSION_FAILED };
  if (identified.ok || identified.error.code === ERROR_CODES.unauthorized) return identified;
  const hello = handshakeSchema.parse(auth);
  const problem = registry.problemFor(
    hello.role === 'trainee'
      ? { kind: 'trainee', resumeToken: hello.resumeToken }
      : hello.role === 'projector'
        ? { kind: 'code', code: hello.code }
        : { kind: hello.role, sessionId: hello.sessionId, token: hello.token },
  );
  return problem ? NEEDS_ATTENTION : identified;
}

function identifyLive(registry: SessionRegistry, auth: unknown): Identified {
  const parsed = handshakeSchema.safeParse(auth);
  if (!parsed.success) {
    return refuse(
      ERROR_CODES.unauthorized,
      'connect with a resume token, an observer or facilitator link, or a join code',
    );
  }
  const hello = parsed.data;
  const held = hello.staticKey !== undefined ? { staticKey: hello.staticKey } : {};
  switch (hello.role) {
    case 'trainee': {
      const seat = registry.byResumeToken(hello.resumeToken);
      if (!seat)
        return refuse(
          ERROR_CODES.badCredentials,
          'this seat is unknown or its session has ended; join again with the code',
        );
      return {
        ok: true,
        connection: {
          host: seat.host,
          viewer: { kind: 'trainee', participantId: seat.participantId },
          audience: 'trainee',
          sender: { actor: { kind: 'participant', id: seat.participantId }, id: seat.participantId },
          name: seat.name,
          ...(hello.lastSeq !== undefined && { lastSeq: hello.lastSeq }),
          ...held,
        },
      };
    }
    case 'observer': {
      const host = registry.checkToken(hello.sessionId, 'observer', hello.token);
      if (!host) return refuse(ERROR_CODES.badCredentials, 'this observer link is not valid');
      const { observers } = host.liveInput().coaching;
      // Own keys only: an id such as "constructor" is unknown, not inherited from Object.prototype.
      const known =
        hello.observerId !== undefined && Object.hasOwn(observers, hello.observerId)
          ? observers[hello.observerId]
          : undefined;
      const observerId = known ? (hello.observerId as string) : `o-${newId()}`;
      if (!known || known.name !== hello.name) host.observerJoined(observerId, hello.name);
      return {
        ok: true,
        connection: {
          host,
          viewer: { kind: 'observer', observerId },
          audience: 'observer',
          sender: { actor: { kind: 'observer', id: observerId }, id: observerId },
          name: hello.name,
          ...(hello.lastSeq !== undefined && { lastSeq: hello.lastSeq }),
          ...held,
        },
      };
    }
    case 'facilitator': {
      const host = registry.checkToken(hello.sessionId, 'facilitator', hello.token);
      if (!host) return refuse(ERROR_CODES.badCredentials, 'this facilitator link is not valid');
      return {
        ok: true,
        connection: {
          host,
          viewer: { kind: 'facilitator' },
          audience: 'facilitator',
          sender: { actor: { kind: 'facilitator' }, id: 'facilitator' },
          ...(hello.lastSeq !== undefined && { lastSeq: hello.lastSeq }),
          ...held,
        },
      };
    }
    case 'projector': {
      const host = registry.byJoinCode(hello.code);
      if (!host) return refuse(ERROR_CODES.sessionNotFound, 'no live session with this code');
      return {
        ok: true,
        connection: {
          host,
          viewer: { kind: 'projector' },
          audience: 'projector',
          sender: null,
          ...(hello.lastSeq !== undefined && { lastSeq: hello.lastSeq }),
          ...held,
        },
      };
    }
  }
}
