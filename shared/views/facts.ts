// The facts a screen decides "may I send this now" on (shared/meeting/may-send.ts),
// read from its own projected view: the same fields the server's facts have,
// so a button and the server's check give the same answer.
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
