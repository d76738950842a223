// The sessions a person sat in, as the portfolio (shared/portfolio) reads
// them: each running session's debrief input and the seat the person took.
// Deleted sessions are gone from it; one set aside as needing attention is
// left out until it runs again.
import {
  buildPortfolio,
  type Portfolio,
  type PortfolioSession,
  type PortfolioViewer,
} from '../../shared/portfolio/portfolio.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import { type SeatLinkDb, seatsOfPerson } from './seat-links.ts';

export function portfolioSessions(
  db: SeatLinkDb,
  registry: SessionRegistry,
  personId: string,
): PortfolioSession[] {
  return seatsOfPerson(db, personId).flatMap(({ sessionId, participantId }) => {
    const host = registry.get(sessionId);
    if (!host) return [];
    return [{ sessionId, createdAt: host.row.createdAt, participantId, input: host.debriefInput() }];
  });
}

export function portfolioOf(
  db: SeatLinkDb,
  registry: SessionRegistry,
  personId: string,
  viewer: PortfolioViewer,
): Portfolio {
  return buildPortfolio(portfolioSessions(db, registry, personId), viewer);
}
