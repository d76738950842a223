// The Socket.IO protocol: how a client proves who it is, the commands it may
// send, and what it receives. Every inbound payload is parsed with these
// schemas before anything else looks at it. See docs/protocol.md.
import { z } from 'zod';
import type { Principal, SessionAccess } from '../access/rights.ts';
import { coachingCommandSchema } from '../coaching/state.ts';
import type { DebriefView } from '../debrief/build.ts';
import { commandSchema } from '../meeting/commands.ts';
import type { RecordPage } from '../views/live-record.ts';
import type { Patch } from '../views/patch.ts';
import type { LiveView, StaticView, TimelineEntry } from '../views/types.ts';
import type { ErrorPayload } from './errors.ts';

const token = z.string().min(16).max(128);
const sessionId = z.string().min(1).max(64);
/** The key of the static view the client already holds: the server then leaves it out of the welcome. */
const staticKey = z.string().max(128).optional();

/** The socket handshake's `auth` object. */
export const handshakeSchema = z.discriminatedUnion('role', [
  z.object({
    role: z.literal('trainee'),
    resumeToken: token,
    lastSeq: z.number().int().min(0).optional(),
    staticKey: staticKey,
  }),
  /** A guest expert, by the session's observer link, with the name they typed. */
  z.object({
    role: z.literal('observer'),
    sessionId,
    token,
    name: z.string().trim().min(1).max(40),
    /** Kept by the client so a returning observer is the same observer. */
    observerId: z.string().min(1).max(64).optional(),
    lastSeq: z.number().int().min(0).optional(),
    staticKey,
  }),
  /**
   * The facilitator's console: an instructor's or administrator's sign-in
   * (the cookie the browser sends with the handshake), or a script's API token.
   */
  z.object({
    role: z.literal('facilitator'),
    sessionId,
    apiToken: token.optional(),
    lastSeq: z.number().int().min(0).optional(),
    staticKey: staticKey,
  }),
  /** The observer screen of an expert who signed in (the cookie): named by the account. */
  z.object({
    role: z.literal('expert'),
    sessionId,
    lastSeq: z.number().int().min(0).optional(),
    staticKey,
  }),
  /** The room's big screen: public only, reached with the join code. */
  z.object({
    role: z.literal('projector'),
    code: z.string().min(1).max(16),
    lastSeq: z.number().int().min(0).optional(),
    staticKey,
  }),
]);
export type Handshake = z.infer<typeof handshakeSchema>;

/** Host-level commands: not the meeting's, not coaching, but the session's. */
export const hostCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cards.balance') }),
]);
export type HostCommand = z.infer<typeof hostCommandSchema>;

export const anyCommandSchema = z.discriminatedUnion('type', [
  ...commandSchema.options,
  ...coachingCommandSchema.options,
  ...hostCommandSchema.options,
]);
export type AnyCommand = z.infer<typeof anyCommandSchema>;

/** Commands only the server itself issues; a client sending one is refused. */
export const SERVER_ONLY_COMMANDS = new Set<AnyCommand['type']>([
  'participant.join',
  'observer.join',
  'tip.delivered',
]);

/** `cid` is made by the client; a retry with the same cid is applied once and answered the same way. */
export const commandEnvelopeSchema = z.object({ cid: z.string().min(1).max(64), command: anyCommandSchema });
export type CommandEnvelope = z.infer<typeof commandEnvelopeSchema>;

export const syncRequestSchema = z.object({ lastSeq: z.number().int().min(0) });
export const historyRequestSchema = z.object({
  fromSeq: z.number().int().min(0),
  limit: z.number().int().min(1).max(1000).optional(),
});

export const stateAtRequestSchema = z.object({ seq: z.number().int().min(0) });
/** Older turns or statements than the live view carries: the `limit` before index `before`. */
export const recordRequestSchema = z.object({
  list: z.enum(['statements', 'turns']),
  before: z.number().int().min(0),
  limit: z.number().int().min(1).max(200).optional(),
});
export const debriefRequestSchema = z.object({}).strict();

/** Event names, both ways. */
export const CLIENT_EVENTS = {
  command: 'command',
  sync: 'sync',
  history: 'history',
  stateAt: 'state_at',
  debrief: 'debrief',
  record: 'record',
} as const;
export const SERVER_EVENTS = {
  welcome: 'welcome',
  patch: 'patch',
  notice: 'notice',
  answer: 'answer',
} as const;

/**
 * What the server sends for a client event that came without an
 * acknowledgement callback (or with a name it does not know): the answer the
 * ack would have carried, with the event it answers and, for a command, its cid.
 */
export interface UnackedAnswer {
  event: string;
  cid?: string;
  answer: { ok: boolean; error?: ErrorPayload; seq?: number };
}

export type Viewer =
  | { kind: 'trainee'; participantId: string }
  | { kind: 'observer'; observerId: string }
  | { kind: 'facilitator' }
  | { kind: 'projector' };

export interface Welcome {
  /** The protocol version the server speaks (shared/protocol/version.ts). */
  protocol: number;
  sessionId: string;
  viewer: Viewer;
  /** The viewer's own display name (trainees and observers). */
  name?: string;
  /** The session's join code, for the facilitator's console only (to show it and its QR code). */
  joinCode?: string;
  /** The IANA zone every screen shows clock times in: the server's setting, not the device's. */
  timeZone: string;
  /**
   * For a console or an expert who connected with an account or API token:
   * who they are and whose session this is, so the screen can ask
   * shared/access/rights.ts what they may do (a console may be read-only).
   */
  access?: { principal: Principal; session: SessionAccess };
  /** Identifies the static view; sent again only when the client's key differs. */
  staticKey: string;
  static?: StaticView;
  live: LiveView;
  /** A trainee's own-part version (see ViewPatchMessage); absent for other viewers. */
  ownSeq?: number;
  /** What happened since the client's lastSeq, projected for it (empty on a first visit). */
  missed: TimelineEntry[];
}

/**
 * After the welcome, changes arrive as patches in two streams, each
 * numbered on its own. `shared` patches (what every member of the viewer's
 * audience sees) turn the view whose `seq` is `base` into the view whose
 * `seq` is `seq`; they never touch a trainee's own keys (`me`, `injects`).
 * `own` patches (a trainee's own part) turn own version `base` into `seq`,
 * counted from the welcome's `ownSeq`. A client whose view is not at `base`
 * (it missed one) asks for `sync` instead of applying it.
 */
export type ViewPatchMessage =
  | { part: 'shared'; base: number; seq: number; patch: Patch }
  | { part: 'own'; base: number; seq: number; patch: Patch };

export type CommandAck = { ok: true; seq: number } | { ok: false; error: ErrorPayload };
export type SyncAck =
  | { ok: true; live: LiveView; ownSeq?: number; missed: TimelineEntry[] }
  | { ok: false; error: ErrorPayload };
export type HistoryAck =
  | { ok: true; entries: TimelineEntry[]; lastSeq: number }
  | { ok: false; error: ErrorPayload };

export type StateAtAck = { ok: true; live: LiveView } | { ok: false; error: ErrorPayload };
export type RecordAck = ({ ok: true } & RecordPage) | { ok: false; error: ErrorPayload };
export type DebriefAck = { ok: true; debrief: DebriefView } | { ok: false; error: ErrorPayload };

/**
 * Out-of-band notices: throttling, the session ending under a client's
 * feet, the session stopping after a server error (`error.code` is
 * session/failed) and coming back once the instructor reloaded it, (to
 * one trainee, with no content) "your debrief has changed: ask again", and
 * the sign-in behind the connection ending (signed out, disabled, password
 * changed, API token revoked, expired) just before the server disconnects it.
 */
export type Notice =
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'session_deleted' }
  | { kind: 'session_failed'; error: ErrorPayload }
  | { kind: 'session_recovered' }
  | { kind: 'debrief_changed' }
  | { kind: 'signed_out' };
