// The studio's HTTP API as both ends see it: who saved a version, what a
// library row and a version carry, and the error codes a client matches on.
import type { LocalText } from '../scenario/primitives.ts';
import type { LocatedIssue } from '../scenario/source.ts';

/**
 * Who saved a version. Before accounts there is one instructor password, so
 * every save is "the instructor"; with accounts, the signed-in account.
 */
export type VersionAuthor = { kind: 'instructor' } | { kind: 'account'; accountId: string; name: string };

/** Where a studio scenario came from. */
export type ScenarioOrigin =
  | { kind: 'duplicate'; of: string; version: number | null }
  | { kind: 'template'; meeting: string }
  | { kind: 'import'; file: string };

export interface VersionInfo {
  version: number;
  author: VersionAuthor;
  savedAt: number;
  /** Errors the loader found: 0 means it can be used for a session. */
  issueCount: number;
  /** Sessions created from this version (live or ended). */
  sessions: number;
}

export interface StudioScenarioSummary {
  id: string;
  /** `shipped`: a file in scenarios/, read-only; `studio`: stored as versions. */
  kind: 'shipped' | 'studio';
  title: LocalText | null;
  meeting: string | null;
  latest: VersionInfo | null;
  publishedVersion: number | null;
  archived: boolean;
  origin: ScenarioOrigin | null;
  sessions: number;
}

/** One version's text and what the loader makes of it (the server's opinion; the studio recomputes as you type). */
export interface StudioVersion {
  id: string;
  kind: 'shipped' | 'studio';
  /** null for a shipped file. */
  version: number | null;
  latestVersion: number | null;
  source: string;
  issues: LocatedIssue[];
  info: VersionInfo | null;
}

export const STUDIO_ERRORS = {
  /** The save was based on a version that is no longer the latest. */
  staleVersion: 'studio/stale_version',
  readOnly: 'studio/read_only',
  notFound: 'studio/not_found',
  idTaken: 'studio/id_taken',
  notYaml: 'studio/not_yaml',
  notAScenario: 'studio/not_a_scenario',
  hasErrors: 'studio/has_errors',
  inUse: 'studio/in_use',
  tooLarge: 'studio/too_large',
  badRequest: 'studio/bad_request',
  forbidden: 'studio/forbidden',
  unauthorized: 'studio/unauthorized',
} as const;
export type StudioErrorCode = (typeof STUDIO_ERRORS)[keyof typeof STUDIO_ERRORS];

/** The studio's own request body limit: scenario files outgrow the server's 64 KB JSON limit. */
export const STUDIO_BODY_LIMIT_BYTES = 1024 * 1024;
