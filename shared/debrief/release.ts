// Staged release: a trainee sees the experts' scoring of an attempt (scores
// with their notes, "next time" plan items, and the competency means the
// comparison derives from scores) only once the instructor has released that
// attempt. Until then the trainee's debrief, its exports and its
// debrief_changed notices are built from the coaching state without them.
// Tips and the markers an expert chose to share are coaching given during the
// meeting, not scoring, and are not held back.
import type { CoachingState } from '../coaching/state.ts';

/**
 * What a session has released: every attempt up to and including
 * `throughAttempt` (0: nothing yet). A release after a retake covers the new
 * attempt too; scores an expert revises after the release are shown as revised.
 */
export interface ScoreRelease {
  throughAttempt: number;
}

export const NOTHING_RELEASED: ScoreRelease = { throughAttempt: 0 };

export function isReleased(release: ScoreRelease, attempt: number): boolean {
  return attempt <= release.throughAttempt;
}

/** The coaching state as a trainee's debrief may read it: unreleased scores and plan items left out. */
export function releasedCoaching(coaching: CoachingState, release: ScoreRelease): CoachingState {
  const scores = coaching.scores.filter((s) => isReleased(release, s.attempt));
  const plan = coaching.plan.filter((p) => isReleased(release, p.attempt));
  if (scores.length === coaching.scores.length && plan.length === coaching.plan.length) return coaching;
  return { ...coaching, scores, plan };
}
