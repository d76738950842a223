// The facts a screen decides "may I send this now" on (shared/meeting/may-send.ts,
// shared/coaching/may-coach.ts), read from its own projected view: the same fields the server's facts have,
// so a button and the server's check give the same answer.
import { type CoachingFacts, type TipFact, tipFacts } from '../coaching/facts.ts';
import type { FactItem, MeetingFacts } from '../meeting/facts.ts';
import type { Scenario } from '../scenario/index.ts';
import type { PublicScenario } from './scenario-public.ts';
import type { InjectStatus, LiveView } from './types.ts';

const cache = new WeakMap<LiveView, { scenario: PublicScenario | Scenario; facts: MeetingFacts }>();

const isStatus = (i: LiveView['injects'][number]): i is InjectStatus => 'fired' in i;

/** The facts of a live view. Cached per view: a patched view is a new object. */
export function viewFacts(scenario: PublicScenario | Scenario, live: LiveView): MeetingFacts {
  const known = cache.get(live);
  if (known && known.scenario === scenario) return known.facts;
  const state = live.item;
  const ballot = state?.ballot;
  const item: FactItem | null = state
    ? {
        index: state.index,
        queue: state.queue,
        floor: state.floor,
        ballot: ballot
          ? {
              open: ballot.open,
              closed: ballot.closed,
              voters: ballot.voters,
              nominations: ballot.nominations,
            }
          : null,
      }
    : null;
  // Only the observers' and the facilitator's views carry every inject's status and the settings.
  const injects = live.settings
    ? (live.injects as InjectStatus[]).filter(isStatus).map((i) => ({ id: i.id, fired: i.fired }))
    : undefined;
  const facts: MeetingFacts = {
    state: live.state,
    roles: scenario.roles,
    agenda: scenario.agenda,
    participants: live.participants,
    item,
    ...(injects && { injects }),
    ...(live.settings && { settings: live.settings }),
  };
  cache.set(live, { scenario, facts });
  return facts;
}

const coachingCache = new WeakMap<LiveView, { scenario: PublicScenario | Scenario; facts: CoachingFacts }>();

/**
 * The coaching facts of a live view (shared/coaching/may-coach.ts reads
 * them): every tip for the observers and the facilitator, a trainee's own
 * tips for a trainee. Cached per view.
 */
export function viewCoachingFacts(scenario: PublicScenario | Scenario, live: LiveView): CoachingFacts {
  const known = coachingCache.get(live);
  if (known && known.scenario === scenario) return known.facts;
  const me = live.me;
  const tips: TipFact[] = live.coaching
    ? tipFacts(live.coaching.tips)
    : (me?.tips ?? []).map((t) => ({
        id: t.id,
        to: t.broadcast ? 'all' : (me?.participantId ?? ''),
        acked: t.ackAt !== undefined && me ? [me.participantId] : [],
      }));
  const facts: CoachingFacts = { participants: live.participants, tips, rubric: scenario.rubric };
  coachingCache.set(live, { scenario, facts });
  return facts;
}
