// What deciding "may this viewer coach, score or acknowledge this now" needs,
// and nothing more: facts the full state and the coaching viewers' projected
// views both carry (may-coach.ts reads them). The observers' and the
// facilitator's live view holds the whole coaching state; a trainee's own
// part holds the tips addressed to them, which is all a trainee may send
// about. Nothing new goes on the wire.

import type { MeetingContext } from '../meeting/context.ts';
import type { FactSeat } from '../meeting/facts.ts';
import type { RubricScale } from '../scenario/index.ts';
import type { CoachingState } from './state.ts';

export interface TipFact {
  id: string;
  /** A participant id, or 'all' for a broadcast hint. */
  to: string;
  /** The recipients who have acknowledged it (a trainee's facts: at most themselves). */
  acked: readonly string[];
}

/** What the rules that replay read: who is in the meeting and which tips exist (apply.ts has these too). */
export interface BaseCoachingFacts {
  participants: readonly { id: string }[];
  /** Every tip for the coaches; a trainee's facts hold only the tips addressed to them. */
  tips: readonly Pick<TipFact, 'id' | 'to'>[];
}

export interface CoachingFacts extends BaseCoachingFacts {
  /** The seats, as the meeting's facts have them: a card held or not, a stand-in played by an expert. */
  participants: readonly FactSeat[];
  tips: readonly TipFact[];
  /** The scenario's rubric: what may be marked and scored, on which scale. */
  rubric: { scale: RubricScale; competencies: readonly { id: string }[] };
}

/** The tips of a coaching state as facts. */
export const tipFacts = (tips: CoachingState['tips']): TipFact[] =>
  tips.map((t) => ({
    id: t.id,
    to: t.to,
    acked: Object.entries(t.receipts)
      .filter(([, r]) => r.ackAt !== undefined)
      .map(([id]) => id),
  }));

const cache = new WeakMap<CoachingState, { ctx: MeetingContext; facts: CoachingFacts }>();

/**
 * The facts of the full state (the server's side). Cached: neither the
 * context nor the coaching state is changed in place.
 */
export function coachingFacts(
  rubric: CoachingFacts['rubric'],
  ctx: MeetingContext,
  coaching: CoachingState,
): CoachingFacts {
  const known = cache.get(coaching);
  if (known && known.ctx === ctx && known.facts.rubric === rubric) return known.facts;
  const facts: CoachingFacts = {
    participants: Object.values(ctx.participants),
    tips: tipFacts(coaching.tips),
    rubric,
  };
  cache.set(coaching, { ctx, facts });
  return facts;
}
