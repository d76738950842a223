// The table of rights: who may do what in the app, for accounts, API tokens
// and the link-holders who have no account (guest experts, trainees, the
// projector). Every HTTP endpoint and every socket command asks `may` here;
// screens ask it too, to show only what a person can use. The meeting's own
// procedure (who holds the chair, whose turn it is) stays in
// shared/meeting/rights.ts: this table decides who may act on a session at
// all, that one decides what the meeting accepts from them.

/** The three kinds of account. Shown on screen as words (see the accounts strings), never as these ids. */
export const ACCOUNT_ROLES = ['administrator', 'instructor', 'expert'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** Who is asking, as the server established it (a cookie session, a Bearer token, a link's token). */
export type Principal =
  | { kind: 'nobody' }
  | { kind: 'account'; accountId: string; role: AccountRole }
  /** A script or integration, with an API token an administrator made. */
  | { kind: 'api_token'; tokenId: string }
  /** An expert without an account, holding one session's observer link. */
  | { kind: 'guest_expert'; sessionId: string }
  | { kind: 'trainee'; sessionId: string; participantId: string }
  | { kind: 'projector'; sessionId: string }
  /** A roster trainee who gave their personal code: themselves, in no session in particular. */
  | { kind: 'person'; personId: string };

/** What the rights of a session depend on: whose it is and with whom it is shared. */
export interface SessionAccess {
  sessionId: string;
  ownerId: string;
  /** Instructors who may run it too. */
  sharedWith: readonly string[];
}

/**
 * What a principal is, for the table. Session-bound holders (owner, shared,
 * guest expert, trainee, projector) are only held relative to a session.
 */
export type Holder =
  | 'anyone'
  | 'signed_in'
  | 'administrator'
  | 'instructor'
  | 'expert'
  | 'api_token'
  | 'session_owner'
  | 'shared_instructor'
  | 'guest_expert'
  | 'trainee'
  | 'projector'
  | 'person';

export type Action =
  /** The library's public sides of published scenarios. */
  | 'scenarios.browse'
  /** Where phones reach this server (PUBLIC_URL, the LAN addresses), for a join link's QR code. */
  | 'join.addresses'
  /** Every card's private side, outside a session. */
  | 'scenarios.read_private'
  | 'scenarios.edit'
  | 'sessions.create'
  /** The list of sessions (experts find the ones to observe there). */
  | 'sessions.list'
  /** The facilitator's console, read-only: everything, changing nothing. */
  | 'session.view'
  /** Every command of the facilitator's console. */
  | 'session.run'
  | 'session.share'
  | 'session.delete'
  /** The observer screen: everything live, every card. */
  | 'session.observe'
  /** Tips, markers, the backchannel, voicing NPCs, firing and answering injects when allowed. */
  | 'session.coach'
  /** Rubric scores and improvement-plan items. */
  | 'session.score'
  /** A seat's commands (the meeting decides which the seat may send now). */
  | 'session.take_part'
  /** The big screen: public, watch only. */
  | 'session.watch'
  /** The whole room's debrief and its Markdown reports (a trainee gets only their own). */
  | 'session.debrief'
  /** Staged release: let the session's trainees see the experts' scores and plan items so far. */
  | 'session.release'
  /** The session's full JSON export: names, everything typed, every score. */
  | 'session.export'
  /** People's records across sessions (the portfolio). */
  | 'records.view'
  /** The roster: trainees, courses and cohorts; importing, editing, exporting, badge sheets. */
  | 'roster.manage'
  /** One's own portfolio, reached with one's personal code. */
  | 'portfolio.own'
  /** One person's data, exported or deleted on their request. */
  | 'personal_data.export'
  | 'personal_data.delete'
  /** Invite, disable, re-enable, reset the password of an account; list accounts. */
  | 'accounts.manage'
  | 'api_tokens.manage'
  /** The instructors' names, to share a session with one of them. */
  | 'instructors.list'
  /** Changing one's own password; signing out everywhere. */
  | 'account.own';

/** Each action's holders (any one suffices). The administrator holds every instructor right. */
export const RIGHTS: Record<Action, readonly Holder[]> = {
  'scenarios.browse': ['anyone'],
  // The projector (a link, no account) shows the join QR code too; the
  // addresses only say where this server is, which the asker just reached.
  'join.addresses': ['anyone'],
  'scenarios.read_private': ['administrator', 'instructor', 'expert', 'api_token'],
  'scenarios.edit': ['administrator', 'instructor'],
  'sessions.create': ['administrator', 'instructor', 'api_token'],
  'sessions.list': ['administrator', 'instructor', 'expert', 'api_token'],
  'session.view': ['administrator', 'instructor', 'api_token'],
  'session.run': ['administrator', 'session_owner', 'shared_instructor', 'api_token'],
  'session.share': ['administrator', 'session_owner'],
  'session.delete': ['administrator', 'session_owner', 'api_token'],
  'session.observe': ['expert', 'guest_expert'],
  'session.coach': ['expert', 'guest_expert'],
  'session.score': ['expert', 'guest_expert'],
  'session.take_part': ['trainee'],
  'session.watch': ['projector'],
  'session.debrief': ['administrator', 'instructor', 'expert', 'guest_expert', 'api_token'],
  'session.release': ['administrator', 'session_owner', 'shared_instructor', 'api_token'],
  'session.export': ['administrator', 'session_owner', 'shared_instructor', 'api_token'],
  'records.view': ['administrator', 'instructor'],
  'roster.manage': ['administrator', 'instructor'],
  'portfolio.own': ['person'],
  'personal_data.export': ['administrator'],
  'personal_data.delete': ['administrator'],
  'accounts.manage': ['administrator'],
  'api_tokens.manage': ['administrator'],
  'instructors.list': ['administrator', 'instructor'],
  'account.own': ['signed_in'],
};

export const ACTIONS = Object.keys(RIGHTS) as Action[];

/** What `principal` is, in general and (when given) relative to one session. */
export function holdersOf(principal: Principal, session?: SessionAccess): Set<Holder> {
  const held = new Set<Holder>(['anyone']);
  switch (principal.kind) {
    case 'nobody':
      break;
    case 'account':
      held.add('signed_in');
      held.add(principal.role);
      if (session && principal.role === 'instructor') {
        if (session.ownerId === principal.accountId) held.add('session_owner');
        else if (session.sharedWith.includes(principal.accountId)) held.add('shared_instructor');
      }
      break;
    case 'api_token':
      held.add('api_token');
      break;
    case 'guest_expert':
      if (session?.sessionId === principal.sessionId) held.add('guest_expert');
      break;
    case 'trainee':
      if (session?.sessionId === principal.sessionId) held.add('trainee');
      break;
    case 'projector':
      if (session?.sessionId === principal.sessionId) held.add('projector');
      break;
    case 'person':
      held.add('person');
      break;
  }
  return held;
}

/** Whether `principal` may do `action` (on `session`, for a session's actions). */
export function may(principal: Principal, action: Action, session?: SessionAccess): boolean {
  const held = holdersOf(principal, session);
  return RIGHTS[action].some((holder) => held.has(holder));
}

/** Every action `principal` may take (on `session`), in the table's order. */
export function rightsOf(principal: Principal, session?: SessionAccess): Action[] {
  return ACTIONS.filter((action) => may(principal, action, session));
}

/** How a socket connected to a session: the screen it opened. */
export type ConnectionKind = 'facilitator' | 'observer' | 'trainee' | 'projector';

/** Coaching commands that are scores rather than live coaching. */
const SCORING = new Set(['score.set', 'plan.add']);

/**
 * The right a command needs on a connection of this kind. The facilitator's
 * console sends everything under `session.run` (a read-only console sends
 * nothing); an observer coaches and scores; a trainee takes part; the
 * projector sends nothing (null: no right allows it).
 */
export function commandRight(connection: ConnectionKind, commandType: string): Action | null {
  switch (connection) {
    case 'facilitator':
      return 'session.run';
    case 'observer':
      return SCORING.has(commandType) ? 'session.score' : 'session.coach';
    case 'trainee':
      return 'session.take_part';
    case 'projector':
      return null;
  }
}

/** The right a connection needs to open at all. */
export const CONNECT_RIGHT: Record<ConnectionKind, Action> = {
  facilitator: 'session.view',
  observer: 'session.observe',
  trainee: 'session.take_part',
  projector: 'session.watch',
};
