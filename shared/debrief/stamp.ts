// Has a trainee's debrief changed? The experts' work (scores, plan items,
// shared markers) never reaches a trainee's socket as data, but a trainee
// with the debrief open should see it promptly: the server compares this
// stamp after each change and, when it moves, sends that trainee a notice
// with no content, upon which the page asks for its debrief again.
import type { CoachingState } from '../coaching/state.ts';

const latest = (items: readonly { at: number }[]) => items.reduce((max, x) => Math.max(max, x.at), 0);

/** Counts and latest times of what this trainee's debrief shows of the coaching state. */
export function debriefStamp(coaching: CoachingState, participantId: string): string {
  const scores = coaching.scores.filter((s) => s.participantId === participantId);
  const plan = coaching.plan.filter((p) => p.participantId === participantId);
  const markers = coaching.markers.filter(
    (m) => m.shared && (m.participantId === participantId || m.participantId === undefined),
  );
  return `${scores.length}@${latest(scores)} ${plan.length}@${latest(plan)} ${markers.length}@${latest(markers)}`;
}
