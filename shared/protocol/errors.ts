// Error codes every client can match on, as one `as const` map. Messages are
// for people; codes are for programs and never change meaning. The meeting's
// own refusals (vote/not_eligible, floor/not_chair, …) are in
// shared/meeting/errors.ts, coaching's in shared/coaching/apply.ts and
// accounts' in shared/access/errors.ts; all travel in the same ErrorPayload.
import type { AccountErrorCode } from '../access/errors.ts';
import type { CoachingErrorCode } from '../coaching/apply.ts';
import type { MeetingErrorCode } from '../meeting/errors.ts';
import type { RosterErrorCode } from '../roster/errors.ts';

export const ERROR_CODES = {
  notFound: 'http/not_found',
  badRequest: 'http/bad_request',
  internal: 'server/internal',
  unauthorized: 'auth/unauthorized',
  forbidden: 'auth/forbidden',
  badCredentials: 'auth/bad_credentials',
  sessionNotFound: 'session/not_found',
  sessionEnded: 'session/ended',
  /** The session stopped after an error in the server; the instructor can reload it. */
  sessionFailed: 'session/failed',
  /** The session could not be restored (its log does not replay under the current rules, or its scenario is gone). */
  sessionNeedsAttention: 'session/needs_attention',
  scenarioNotFound: 'scenario/not_found',
  scenarioInvalid: 'scenario/invalid',
  invalidMessage: 'protocol/invalid_message',
  unknownCommand: 'protocol/unknown_command',
  serverOnly: 'protocol/server_only',
  tooLarge: 'protocol/too_large',
  rateLimited: 'protocol/rate_limited',
  /** A request (sync, history, …) sent without an acknowledgement callback: its answer has nowhere to go. */
  ackRequired: 'protocol/ack_required',
  /** An event name the server does not know. */
  unknownEvent: 'protocol/unknown_event',
  /** The handshake names a protocol version this server does not speak. */
  unsupportedVersion: 'protocol/unsupported_version',
} as const;

export type ProtocolErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
export type ErrorCode =
  | ProtocolErrorCode
  | MeetingErrorCode
  | CoachingErrorCode
  | AccountErrorCode
  | RosterErrorCode;

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export interface ErrorBody {
  error: ErrorPayload;
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details !== undefined && { details }) } };
}
