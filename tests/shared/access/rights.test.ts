// The table of rights, pinned by hand: for every principal (relative to one
// session of the instructor "owner", shared with "partner") the exact list of
// actions it holds. A change to shared/access/rights.ts shows up here as a
// diff a reviewer reads, never as a silent widening.
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Action,
  CONNECT_RIGHT,
  commandRight,
  holdersOf,
  may,
  type Principal,
  RIGHTS,
  rightsOf,
  type SessionAccess,
} from '../../../shared/access/rights.ts';
import { anyCommandSchema } from '../../../shared/protocol/messages.ts';

const SESSION: SessionAccess = { sessionId: 's1', ownerId: 'owner', sharedWith: ['partner'] };

const PRINCIPALS: Record<string, Principal> = {
  administrator: { kind: 'account', accountId: 'admin', role: 'administrator' },
  owner: { kind: 'account', accountId: 'owner', role: 'instructor' },
  partner: { kind: 'account', accountId: 'partner', role: 'instructor' },
  otherInstructor: { kind: 'account', accountId: 'other', role: 'instructor' },
  expert: { kind: 'account', accountId: 'expert', role: 'expert' },
  guestExpert: { kind: 'guest_expert', sessionId: 's1' },
  guestOfAnotherSession: { kind: 'guest_expert', sessionId: 's2' },
  trainee: { kind: 'trainee', sessionId: 's1', participantId: 'p1' },
  traineeOfAnotherSession: { kind: 'trainee', sessionId: 's2', participantId: 'p9' },
  projector: { kind: 'projector', sessionId: 's1' },
  apiToken: { kind: 'api_token', tokenId: 't1' },
  person: { kind: 'person', personId: 'person-1' },
  nobody: { kind: 'nobody' },
};

const INSTRUCTOR_COMMON: Action[] = [
  'scenarios.browse',
  'join.addresses',
  'scenarios.read_private',
  'scenarios.edit',
  'sessions.create',
  'sessions.list',
  'session.view',
];

/** Worked out by hand from the issue: who may do what, on session s1. */
const EXPECTED: Record<keyof typeof PRINCIPALS, Action[]> = {
  administrator: [
    ...INSTRUCTOR_COMMON,
    'session.run',
    'session.share',
    'session.delete',
    'session.debrief',
    'session.release',
    'session.export',
    'records.view',
    'roster.manage',
    'personal_data.export',
    'personal_data.delete',
    'accounts.manage',
    'api_tokens.manage',
    'instructors.list',
    'account.own',
  ],
  owner: [
    ...INSTRUCTOR_COMMON,
    'session.run',
    'session.share',
    'session.delete',
    'session.debrief',
    'session.release',
    'session.export',
    'records.view',
    'roster.manage',
    'instructors.list',
    'account.own',
  ],
  // Shared with: runs it and exports it, but neither shares nor deletes it.
  partner: [
    ...INSTRUCTOR_COMMON,
    'session.run',
    'session.debrief',
    'session.release',
    'session.export',
    'records.view',
    'roster.manage',
    'instructors.list',
    'account.own',
  ],
  // Another instructor: sees the session (read-only console, debrief), runs nothing.
  otherInstructor: [
    ...INSTRUCTOR_COMMON,
    'session.debrief',
    'records.view',
    'roster.manage',
    'instructors.list',
    'account.own',
  ],
  expert: [
    'scenarios.browse',
    'join.addresses',
    'scenarios.read_private',
    'sessions.list',
    'session.observe',
    'session.coach',
    'session.score',
    'session.debrief',
    'account.own',
  ],
  guestExpert: [
    'scenarios.browse',
    'join.addresses',
    'session.observe',
    'session.coach',
    'session.score',
    'session.debrief',
  ],
  guestOfAnotherSession: ['scenarios.browse', 'join.addresses'],
  trainee: ['scenarios.browse', 'join.addresses', 'session.take_part'],
  traineeOfAnotherSession: ['scenarios.browse', 'join.addresses'],
  projector: ['scenarios.browse', 'join.addresses', 'session.watch'],
  apiToken: [
    'scenarios.browse',
    'join.addresses',
    'scenarios.read_private',
    'sessions.create',
    'sessions.list',
    'session.view',
    'session.run',
    'session.delete',
    'session.debrief',
    'session.release',
    'session.export',
  ],
  // A roster trainee with their personal code: their own portfolio, nothing of any session.
  person: ['scenarios.browse', 'join.addresses', 'portfolio.own'],
  nobody: ['scenarios.browse', 'join.addresses'],
};

describe('the table of rights', () => {
  for (const [name, principal] of Object.entries(PRINCIPALS)) {
    it(`${name} holds exactly its rights on the session`, () => {
      expect(rightsOf(principal, SESSION)).toEqual(EXPECTED[name]);
    });
  }

  it('without a session, nobody holds a session-bound right through ownership or a link', () => {
    expect(rightsOf(PRINCIPALS.owner as Principal)).not.toContain('session.run');
    expect(rightsOf(PRINCIPALS.guestExpert as Principal)).toEqual(['scenarios.browse', 'join.addresses']);
    expect(rightsOf(PRINCIPALS.trainee as Principal)).toEqual(['scenarios.browse', 'join.addresses']);
    // The administrator's run right is not about ownership: it holds anywhere.
    expect(may(PRINCIPALS.administrator as Principal, 'session.run')).toBe(true);
  });

  it('ownership counts for instructors only: an expert named as owner still runs nothing', () => {
    const expertAsOwner: SessionAccess = { sessionId: 's1', ownerId: 'expert', sharedWith: ['expert'] };
    expect(may(PRINCIPALS.expert as Principal, 'session.run', expertAsOwner)).toBe(false);
    expect([...holdersOf(PRINCIPALS.expert as Principal, expertAsOwner)]).not.toContain('session_owner');
  });

  it('every action has holders, and the list of actions is the table’s', () => {
    for (const action of ACTIONS) expect(RIGHTS[action].length, action).toBeGreaterThan(0);
    expect(ACTIONS).toHaveLength(Object.keys(RIGHTS).length);
  });
});

describe('the right each socket command needs', () => {
  const types = anyCommandSchema.options.map((o) => o.shape.type.value);

  it('the console runs the session with every command; the projector sends none', () => {
    for (const type of types) {
      expect(commandRight('facilitator', type), type).toBe('session.run');
      expect(commandRight('projector', type), type).toBeNull();
      expect(commandRight('trainee', type), type).toBe('session.take_part');
    }
  });

  it('an observer scores with score.set and plan.add, and coaches with everything else', () => {
    const scoring = types.filter((type) => commandRight('observer', type) === 'session.score');
    expect(scoring.sort()).toEqual(['plan.add', 'score.set']);
    for (const type of types.filter((t) => !scoring.includes(t)))
      expect(commandRight('observer', type), type).toBe('session.coach');
  });

  it('opening each screen needs its own right', () => {
    expect(CONNECT_RIGHT).toEqual({
      facilitator: 'session.view',
      observer: 'session.observe',
      trainee: 'session.take_part',
      projector: 'session.watch',
    });
  });
});
