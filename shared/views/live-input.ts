// What every live view is built from: the meeting, the coaching state and
// presence at one moment; and who of the viewers sees behind the screen.
import type { CoachingState } from '../coaching/state.ts';
import type { MeetingContext } from '../meeting/context.ts';
import type { Scenario } from '../scenario/index.ts';
import type { Audience } from './types.ts';

export interface MeetingSnapshot {
  seq: number;
  state: string;
  context: MeetingContext;
}

export interface LiveInput {
  scenario: Scenario;
  meeting: MeetingSnapshot;
  coaching: CoachingState;
  online: ReadonlySet<string>;
  /** Observers connected now (the facilitator hands stand-in cards to them). */
  observersOnline?: ReadonlySet<string>;
  now: number;
}

/** The single-sided screen (observers and the facilitator) sees everything; trainees and the projector do not. */
export const seesAll = (audience: Audience): boolean => audience === 'observer' || audience === 'facilitator';
