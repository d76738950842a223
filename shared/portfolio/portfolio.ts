// A person's portfolio: every attempt they made, across sessions and
// scenarios, with the role they played, each expert's scores per competency
// and their notes, the markers about them, their speaking figures, the
// "next time" items and whether a later attempt met them; a series per
// competency over time and its recency-weighted proficiency (proficiency.ts).
// Pure: built on buildDebrief, so a trainee's portfolio holds exactly what
// their own debriefs hold (released scores only, experts anonymous), and an
// instructor's names the experts.

import { buildDebrief, type DebriefInput, type DebriefView } from '../debrief/build.ts';
import type { LocalText } from '../scenario/primitives.ts';
import type { RubricScale, Scenario } from '../scenario/types.ts';
import { percent, recencyWeighted, shareOfScale } from './proficiency.ts';

/** One session a person sat in, with the seat they took. */
export interface PortfolioSession {
  sessionId: string;
  createdAt: number;
  participantId: string;
  input: DebriefInput;
}

/** The trainee sees their own released scoring, experts unnamed; instructors see everything, experts named. */
export type PortfolioViewer = 'trainee' | 'instructor';

export interface PortfolioScore {
  /** The expert's name: instructors' copy only. */
  expert?: string;
  /** The trainee's copy instead: the expert's number in that session, the same in every row. */
  expertNumber?: number;
  score: number | 'P' | 'S' | 'M' | 'U';
  note?: string;
}

export interface PortfolioCompetency {
  id: string;
  title: LocalText;
  mean: number;
  /** The mean as a percentage of the scenario's scale (proficiency.ts). */
  percent: number;
  scores: PortfolioScore[];
}

export type PlanStatus = 'met' | 'not_met' | 'open';

export interface PortfolioPlanItem {
  id: string;
  text: string;
  expert?: string;
  /**
   * met: the person's next scored attempt scored at least as well on every
   * competency both attempts have, and better on one; not_met: it did not;
   * open: no later scored attempt yet.
   */
  status: PlanStatus;
}

export interface PortfolioMarker {
  competency: string;
  /** The competency in words, for the screen. */
  competencyTitle: LocalText;
  kind: 'strength' | 'needs_work';
  note?: string;
  expert?: string;
  at: number;
}

export interface PortfolioAttempt {
  sessionId: string;
  scenarioId: string;
  scenarioTitle: LocalText;
  attempt: number;
  /** When the attempt's meeting began (the session's creation when it never began). */
  at: number;
  role: { id: string; name: LocalText } | null;
  scale: RubricScale;
  competencies: PortfolioCompetency[];
  markers: PortfolioMarker[];
  speaking: { speakingMs: number; turns: number; overtimeMs: number; pointsOfOrder: number; cutOff: number };
  plan: PortfolioPlanItem[];
}

export interface CompetencyTrend {
  id: string;
  title: LocalText;
  /** One point per attempt that scored it, oldest first: index into `attempts`, and the percentage. */
  points: { attemptIndex: number; at: number; percent: number }[];
  /** Recency-weighted, as a percentage of the scale; null when never scored. */
  proficiency: number | null;
}

export interface Portfolio {
  viewer: PortfolioViewer;
  /** Oldest first. */
  attempts: PortfolioAttempt[];
  competencies: CompetencyTrend[];
}

function debriefFor(session: PortfolioSession, viewer: PortfolioViewer): DebriefView {
  return viewer === 'trainee'
    ? buildDebrief(session.input, { audience: 'trainee', participantId: session.participantId })
    : buildDebrief(session.input, { audience: 'facilitator' });
}

function attemptsOf(session: PortfolioSession, viewer: PortfolioViewer): PortfolioAttempt[] {
  const { scenario, coaching } = session.input;
  const me = session.participantId;
  const debrief = debriefFor(session, viewer);
  const expertName = (observerId: string | undefined) =>
    viewer === 'instructor' && observerId !== undefined
      ? { expert: coaching.observers[observerId]?.name ?? '' }
      : {};
  return debrief.attempts.flatMap((a): PortfolioAttempt[] => {
    const roleId = Object.hasOwn(a.cards, me) ? (a.cards[me] ?? null) : undefined;
    const scores = a.scores.filter((s) => s.participantId === me);
    const plan = a.plan.filter((p) => p.participantId === me);
    // Not in the room that attempt (joined later), or there without a card and nothing said of them.
    if (roleId === undefined && scores.length === 0) return [];
    if (roleId === null && scores.length === 0 && plan.length === 0) return [];
    const role = roleId ? scenario.roles.find((r) => r.id === roleId) : undefined;
    const figures = a.participation.find((f) => f.participantId === me);
    return [
      {
        sessionId: session.sessionId,
        scenarioId: scenario.id,
        scenarioTitle: scenario.title,
        attempt: a.attempt,
        at: a.record.startedAt ?? session.createdAt,
        role: role ? { id: role.id, name: role.name } : null,
        scale: scenario.rubric.scale,
        competencies: orderByRubric(scenario, scores).map((s) => ({
          id: s.competency,
          title: competencyTitle(scenario, s.competency),
          mean: s.mean,
          percent: percent(shareOfScale(s.mean, scenario.rubric.scale)),
          scores: s.scores.map((x) => ({
            ...expertName(x.observerId),
            ...(x.expert !== undefined && { expertNumber: x.expert }),
            score: x.score,
            ...(x.note && { note: x.note }),
          })),
        })),
        markers: a.markers
          .filter((m) => m.participantId === me)
          .map((m) => ({
            competency: m.competency,
            competencyTitle: competencyTitle(scenario, m.competency),
            kind: m.kind,
            ...(m.note && { note: m.note }),
            ...expertName(m.observerId),
            at: m.at,
          })),
        speaking: {
          speakingMs: figures?.speakingMs ?? 0,
          turns: figures?.turns ?? 0,
          overtimeMs: figures?.overtimeMs ?? 0,
          pointsOfOrder: figures?.pointsOfOrder ?? 0,
          cutOff: figures?.cutOff ?? 0,
        },
        plan: plan.map((p) => ({ id: p.id, text: p.text, ...expertName(p.observerId), status: 'open' })),
      },
    ];
  });
}

const competencyTitle = (scenario: Scenario, id: string): LocalText =>
  scenario.rubric.competencies.find((c) => c.id === id)?.title ?? { zh: id, en: id };

function orderByRubric<T extends { competency: string }>(scenario: Scenario, scores: readonly T[]): T[] {
  const rank = (id: string) => {
    const i = scenario.rubric.competencies.findIndex((c) => c.id === id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...scores].sort(
    (a, b) => rank(a.competency) - rank(b.competency) || a.competency.localeCompare(b.competency),
  );
}

/** Whether `later` met the plan of `earlier`: at least as good on every shared competency, better on one. */
function meets(earlier: PortfolioAttempt, later: PortfolioAttempt): boolean {
  let better = false;
  for (const c of earlier.competencies) {
    const next = later.competencies.find((x) => x.id === c.id);
    if (!next) continue;
    if (next.percent < c.percent) return false;
    if (next.percent > c.percent) better = true;
  }
  return better;
}

export function buildPortfolio(sessions: readonly PortfolioSession[], viewer: PortfolioViewer): Portfolio {
  const ordered = [...sessions].sort(
    (a, b) => a.createdAt - b.createdAt || a.sessionId.localeCompare(b.sessionId),
  );
  const attempts = ordered
    .flatMap((s) => attemptsOf(s, viewer))
    .sort((a, b) => a.at - b.at || a.attempt - b.attempt);
  const judged = attempts.map((a, i) => {
    const next = attempts.slice(i + 1).find((later) => later.competencies.length > 0);
    const status: PlanStatus = !next ? 'open' : meets(a, next) ? 'met' : 'not_met';
    return { ...a, plan: a.plan.map((p) => ({ ...p, status })) };
  });
  const trends = new Map<string, CompetencyTrend & { shares: number[] }>();
  judged.forEach((a, attemptIndex) => {
    for (const c of a.competencies) {
      const trend = trends.get(c.id) ?? {
        id: c.id,
        title: c.title,
        points: [],
        proficiency: null,
        shares: [],
      };
      trend.points.push({ attemptIndex, at: a.at, percent: c.percent });
      // Unrounded: the proficiency weighs the shares themselves, not the percentages shown.
      trend.shares.push(shareOfScale(c.mean, a.scale));
      trends.set(c.id, trend);
    }
  });
  const competencies = [...trends.values()].map(({ shares, ...t }) => {
    const p = recencyWeighted(shares);
    return { ...t, proficiency: p === null ? null : percent(p) };
  });
  return { viewer, attempts: judged, competencies };
}
