// Who is connecting: the handshake's credentials (and, for accounts, the
// sign-in cookie sent with it) resolved to a session, a viewer, a sender and
// a principal whose rights shared/access/rights.ts decides. Wrong or unknown
// credentials get one clear error.
import {
  CONNECT_RIGHT,
  type ConnectionKind,
  may,
  type Principal,
  type SessionAccess,
} from '../../shared/access/rights.ts';
import { ERROR_CODES, type ErrorPayload } from '../../shared/protocol/errors.ts';
import { handshakeSchema, type Viewer } from '../../shared/protocol/messages.ts';
import type { Audience } from '../../shared/views/types.ts';
import type { Accounts, SignedIn } from '../auth/accounts.ts';
import { SESSION_COOKIE } from '../auth/request-auth.ts';
import { SESSION_FAILED } from '../sessions/failures.ts';
import type { Sender } from '../sessions/host-types.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import type { SessionHost } from '../sessions/session-host.ts';
import { newId } from '../sessions/tokens.ts';

/** What a connection was opened with, so ending it (sign-out, disabling, revoking) can cut the socket. */
export interface Credential {
  accountId?: string;
  signInHash?: string;
  tokenId?: string;
  /** When the sign-in expires: commands after it are refused. */
  expiresAt?: number;
}

export interface Connection {
  host: SessionHost;
  kind: ConnectionKind;
  principal: Principal;
  credential: Credential;
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

/** Guest observers' ids; an account's observer id is `a-` and its account id, which no guest may take. */
const GUEST_PREFIX = 'o-';
export const accountObserverId = (accountId: string) => `a-${accountId}`;

/** The sign-in cookie's value in a Cookie header. */
export function sessionCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function accountOf(
  accounts: Accounts,
  cookie: string | undefined,
  apiToken: string | undefined,
): { principal: Principal; credential: Credential; signedIn?: SignedIn } {
  if (apiToken !== undefined) {
    const row = accounts.tokens.find(apiToken);
    return row
      ? { principal: { kind: 'api_token', tokenId: row.id }, credential: { tokenId: row.id } }
      : { principal: { kind: 'nobody' }, credential: {} };
  }
  const signedIn = cookie ? accounts.signIns.find(cookie) : undefined;
  if (!signedIn) return { principal: { kind: 'nobody' }, credential: {} };
  const { account, signIn } = signedIn;
  return {
    principal: { kind: 'account', accountId: account.id, role: account.role },
    credential: { accountId: account.id, signInHash: signIn.tokenHash, expiresAt: signIn.expiresAt },
    signedIn,
  };
}

/** Refuses a principal that may not open this kind of screen on this session. */
function denied(principal: Principal, kind: ConnectionKind, access: SessionAccess): Identified | null {
  if (may(principal, CONNECT_RIGHT[kind], access)) return null;
  if (principal.kind === 'nobody')
    return refuse(
      ERROR_CODES.unauthorized,
      kind === 'facilitator' ? 'sign in as an instructor to open this console' : 'sign in as an expert first',
    );
  return refuse(
    ERROR_CODES.forbidden,
    kind === 'facilitator'
      ? 'only instructors and administrators open the console'
      : 'only experts open the observer screen with an account',
  );
}

const NEEDS_ATTENTION = refuse(
  ERROR_CODES.sessionNeedsAttention,
  'this session could not be restored after the server restarted; the instructor sees why in the session list',
);

/**
 * Who is connecting; refused with session/failed while the session is
 * stopped after an error, and session/needs_attention when it could not be
 * restored, so the person is told that rather than that their link is wrong.
 * For the screens opened with an account, only someone who may open that
 * screen on the session learns it needs attention.
 */
export function identify(
  registry: SessionRegistry,
  accounts: Accounts,
  auth: unknown,
  cookieHeader?: string,
): Identified {
  const identified = identifyLive(registry, accounts, auth, cookieHeader);
  if (identified.ok && identified.connection.host.failure) return { ok: false, error: SESSION_FAILED };
  if (identified.ok || identified.error.code === ERROR_CODES.unauthorized) return identified;
  const hello = handshakeSchema.parse(auth);
  if (hello.role === 'facilitator' || hello.role === 'expert') {
    const kind: ConnectionKind = hello.role === 'facilitator' ? 'facilitator' : 'observer';
    const { principal } = accountOf(
      accounts,
      sessionCookie(cookieHeader),
      hello.role === 'facilitator' ? hello.apiToken : undefined,
    );
    const problem = registry.problemFor({ kind: 'session', sessionId: hello.sessionId });
    return problem && may(principal, CONNECT_RIGHT[kind], accounts.owners.of(hello.sessionId))
      ? NEEDS_ATTENTION
      : identified;
  }
  const problem = registry.problemFor(
    hello.role === 'trainee'
      ? { kind: 'trainee', resumeToken: hello.resumeToken }
      : hello.role === 'projector'
        ? { kind: 'code', code: hello.code }
        : { kind: 'observer', sessionId: hello.sessionId, token: hello.token },
  );
  return problem ? NEEDS_ATTENTION : identified;
}

function identifyLive(
  registry: SessionRegistry,
  accounts: Accounts,
  auth: unknown,
  cookieHeader?: string,
): Identified {
  const parsed = handshakeSchema.safeParse(auth);
  if (!parsed.success) {
    return refuse(
      ERROR_CODES.unauthorized,
      'connect with a resume token, an observer link, a join code, or signed in',
    );
  }
  const hello = parsed.data;
  const held = {
    ...(hello.lastSeq !== undefined && { lastSeq: hello.lastSeq }),
    ...(hello.staticKey !== undefined && { staticKey: hello.staticKey }),
  };
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
          kind: 'trainee',
          principal: { kind: 'trainee', sessionId: seat.host.id, participantId: seat.participantId },
          credential: {},
          viewer: { kind: 'trainee', participantId: seat.participantId },
          audience: 'trainee',
          sender: { actor: { kind: 'participant', id: seat.participantId }, id: seat.participantId },
          name: seat.name,
          ...held,
        },
      };
    }
    case 'observer': {
      const host = registry.checkToken(hello.sessionId, 'observer', hello.token);
      if (!host) return refuse(ERROR_CODES.badCredentials, 'this observer link is not valid');
      const { observers } = host.liveInput().coaching;
      // Own keys only: an id such as "constructor" is unknown, not inherited from Object.prototype.
      // A guest comes back as a guest: an expert account's id is never theirs to take.
      const known =
        hello.observerId?.startsWith(GUEST_PREFIX) && Object.hasOwn(observers, hello.observerId)
          ? observers[hello.observerId]
          : undefined;
      const observerId = known ? (hello.observerId as string) : `${GUEST_PREFIX}${newId()}`;
      if (!known || known.name !== hello.name) host.observerJoined(observerId, hello.name);
      return {
        ok: true,
        connection: {
          host,
          kind: 'observer',
          principal: { kind: 'guest_expert', sessionId: host.id },
          credential: {},
          viewer: { kind: 'observer', observerId },
          audience: 'observer',
          sender: { actor: { kind: 'observer', id: observerId }, id: observerId },
          name: hello.name,
          ...held,
        },
      };
    }
    case 'expert': {
      const host = registry.get(hello.sessionId);
      if (!host) return refuse(ERROR_CODES.sessionNotFound, 'no live session with this id');
      const { principal, credential, signedIn } = accountOf(accounts, sessionCookie(cookieHeader), undefined);
      const no = denied(principal, 'observer', accounts.owners.of(host.id));
      if (no || !signedIn) return no ?? refuse(ERROR_CODES.unauthorized, 'sign in as an expert first');
      // The account is the expert: the same observer on every device, named as the account is.
      const observerId = accountObserverId(signedIn.account.id);
      const { name } = signedIn.account;
      if (host.liveInput().coaching.observers[observerId]?.name !== name)
        host.observerJoined(observerId, name);
      return {
        ok: true,
        connection: {
          host,
          kind: 'observer',
          principal,
          credential,
          viewer: { kind: 'observer', observerId },
          audience: 'observer',
          sender: { actor: { kind: 'observer', id: observerId }, id: observerId },
          name,
          ...held,
        },
      };
    }
    case 'facilitator': {
      const host = registry.get(hello.sessionId);
      if (!host) return refuse(ERROR_CODES.sessionNotFound, 'no live session with this id');
      const { principal, credential, signedIn } = accountOf(
        accounts,
        sessionCookie(cookieHeader),
        hello.apiToken,
      );
      if (hello.apiToken !== undefined && principal.kind === 'nobody')
        return refuse(ERROR_CODES.badCredentials, 'this API token is not valid (unknown or revoked)');
      const no = denied(principal, 'facilitator', accounts.owners.of(host.id));
      if (no) return no;
      return {
        ok: true,
        connection: {
          host,
          kind: 'facilitator',
          principal,
          credential,
          viewer: { kind: 'facilitator' },
          audience: 'facilitator',
          sender: { actor: { kind: 'facilitator' }, id: 'facilitator' },
          ...(signedIn && { name: signedIn.account.name }),
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
          kind: 'projector',
          principal: { kind: 'projector', sessionId: host.id },
          credential: {},
          viewer: { kind: 'projector' },
          audience: 'projector',
          sender: null,
          ...held,
        },
      };
    }
  }
}
