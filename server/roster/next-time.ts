// "Next time" follows the person: the plan items of a roster person's latest
// advised attempt in another session are shown when their next session
// starts, whatever its scenario — on their phone and to the observers. Like
// the items shown at the start of a retake, they are not held back by the
// staged release: they are advice for the meeting about to begin.

import { buildPortfolio } from '../../shared/portfolio/portfolio.ts';
import type { LocalText } from '../../shared/scenario/primitives.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import { portfolioSessions } from './portfolio-sources.ts';
import { personOfSeat, type SeatLinkDb } from './seat-links.ts';

export interface CarriedPlan {
  participantId: string;
  from: { sessionId: string; scenarioTitle: LocalText; attempt: number; at: number };
  items: { id: string; text: string; expert?: string }[];
}

/** The items a seat's person carries into this session, from their latest advised attempt elsewhere. */
export function carriedPlan(
  db: SeatLinkDb,
  registry: SessionRegistry,
  sessionId: string,
  participantId: string,
  withExperts: boolean,
): CarriedPlan | undefined {
  const personId = personOfSeat(db, { sessionId, participantId });
  const here = registry.get(sessionId);
  if (!personId || !here) return undefined;
  const elsewhere = portfolioSessions(db, registry, personId).filter(
    (s) => s.sessionId !== sessionId && s.createdAt <= here.row.createdAt,
  );
  const attempts = buildPortfolio(elsewhere, 'instructor').attempts;
  const last = [...attempts].reverse().find((a) => a.plan.length > 0);
  if (!last) return undefined;
  return {
    participantId,
    from: {
      sessionId: last.sessionId,
      scenarioTitle: last.scenarioTitle,
      attempt: last.attempt,
      at: last.at,
    },
    items: last.plan.map((p) => ({
      id: p.id,
      text: p.text,
      ...(withExperts && p.expert && { expert: p.expert }),
    })),
  };
}
