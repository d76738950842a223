// How a session's failures are described: to its clients (a code and a
// message a person can act on) and to the instructor (a SessionProblem).
import type { ReplayRefusal } from '../../shared/log/replay.ts';
import { ERROR_CODES, type ErrorPayload } from '../../shared/protocol/errors.ts';
import type { SessionProblem } from '../../shared/protocol/session-problems.ts';

export type Failure = Extract<SessionProblem, { kind: 'failed' }>;

/** What a client of a failed session is told: what happened and who can fix it. */
export const SESSION_FAILED: ErrorPayload = {
  code: ERROR_CODES.sessionFailed,
  message:
    'this session stopped after an error on the server; the instructor can reload it (session list or console), then try again',
};

/** A log entry that does not replay, as the session list shows it. */
export function replayProblem(refusal: ReplayRefusal): SessionProblem {
  return {
    kind: 'replay_refused',
    seq: refusal.seq,
    reason: refusal.kind,
    ...(refusal.code !== undefined && { code: refusal.code }),
    message: refusal.message,
  };
}
