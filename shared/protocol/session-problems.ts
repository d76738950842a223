// Why a session is not running, as the instructor's session list shows it
// (GET /api/sessions) and as it is stored (sessions.attention). Screens
// render each kind in words; the codes and seqs are for programs.

/** Where a running session failed. */
export type FailurePoint = 'command' | 'projection' | 'fan-out' | 'timer' | 'commit' | 'restore';

export type SessionProblem =
  /**
   * Stored, found at restore: entry `seq` of its log does not replay under
   * the current rules (`reason`: refused with `code`, changes nothing, or
   * lands on another agenda item). The session is not started.
   */
  | {
      kind: 'replay_refused';
      seq: number;
      reason: 'refused' | 'no_change' | 'other_item';
      code?: string;
      message: string;
    }
  /** Stored, found at restore: its scenario file is missing or no longer valid. */
  | { kind: 'scenario_unavailable'; scenarioId: string }
  /** Stored, found at restore: restoring threw (e.g. an unreadable snapshot). */
  | { kind: 'restore_failed'; message: string }
  /** In memory: an exception while the session ran; it is stopped until reloaded. */
  | { kind: 'failed'; where: FailurePoint; message: string; at: number };

/** Session states in the instructor's list: running, stopped after an error, or not restored. */
export type SessionHealth = 'live' | 'failed' | 'needs_attention';
