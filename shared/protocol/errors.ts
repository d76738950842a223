// Error codes every client can match on, as one `as const` map. Messages are
// for people; codes are for programs and never change meaning.
export const ERROR_CODES = {
  notFound: 'http/not_found',
  badRequest: 'http/bad_request',
  internal: 'server/internal',
  scenarioNotFound: 'scenario/not_found',
  scenarioInvalid: 'scenario/invalid',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details !== undefined && { details }) } };
}
