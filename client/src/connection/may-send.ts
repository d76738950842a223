// What this screen may send now, asked of the one authority the server asks
// too, on the facts of this viewer's own projected view: the meeting's
// (shared/meeting/may-send.ts) and coaching's (shared/coaching/may-coach.ts).
// Every button, hint and menu reads it; none repeats a rule.
import type { CoachingRefusal } from '../../../shared/coaching/errors.ts';
import { isCoachingCommand, mayCoach } from '../../../shared/coaching/may-coach.ts';
import type { CoachingCommand } from '../../../shared/coaching/state.ts';
import type { Actor, Command } from '../../../shared/meeting/commands.ts';
import type { MeetingError } from '../../../shared/meeting/errors.ts';
import { maySend } from '../../../shared/meeting/may-send.ts';
import type { Viewer } from '../../../shared/protocol/messages.ts';
import { viewCoachingFacts, viewFacts } from '../../../shared/views/facts.ts';
import type { LiveView, StaticView } from '../../../shared/views/types.ts';
import { useSession } from './session-store.ts';

/** A command a screen offers: the meeting's or coaching's. */
export type OfferedCommand = Command | CoachingCommand;

/** Why the server would refuse a command: a code for `errors.*` words, and a message. */
export type Refusal = MeetingError | CoachingRefusal;

/** Null when the command may be sent; otherwise the refusal the server would give. */
export type MayFn = (command: OfferedCommand) => Refusal | null;

/** The actor the server makes of this viewer (the projector sends nothing). */
export function actorOf(viewer: Viewer | undefined): Actor | undefined {
  switch (viewer?.kind) {
    case 'trainee':
      return { kind: 'participant', id: viewer.participantId };
    case 'observer':
      return { kind: 'observer', id: viewer.observerId };
    case 'facilitator':
      return { kind: 'facilitator' };
    default:
      return undefined;
  }
}

const NOT_CONNECTED: MeetingError = { code: 'command/wrong_state', message: 'not connected' };

/** The authorities' answers for one viewer on one view. */
export function mayFor(
  staticView: StaticView | undefined,
  live: LiveView | undefined,
  actor: Actor | undefined,
): MayFn {
  if (!staticView || !live || !actor) return () => NOT_CONNECTED;
  const scenario = staticView.scenario;
  return (command) =>
    isCoachingCommand(command)
      ? mayCoach(viewCoachingFacts(scenario, live), actor, command)
      : maySend(viewFacts(scenario, live), actor, command);
}

/** `may(command)` for this page's viewer, on the view it holds now (re-renders on every patch). */
export function useMay(): MayFn {
  const staticView = useSession((s) => s.static);
  const live = useSession((s) => s.live);
  const viewer = useSession((s) => s.welcome?.viewer);
  return mayFor(staticView, live, actorOf(viewer));
}

/**
 * Why `command` would be refused now (a code for `errors.*` words), or null.
 * Selected from the store: a component re-renders when the answer changes,
 * not on every patch.
 */
export function useRefusal(command: OfferedCommand): Refusal['code'] | null {
  return useSession((s) => mayFor(s.static, s.live, actorOf(s.welcome?.viewer))(command)?.code ?? null);
}

/**
 * `useRefusal` for a list of commands (one per trainee, per competency…), in
 * the same order. Selected as one string, so the component re-renders only
 * when an answer changes.
 */
export function useRefusals(commands: readonly OfferedCommand[]): (Refusal['code'] | null)[] {
  const joined = useSession((s) => {
    const may = mayFor(s.static, s.live, actorOf(s.welcome?.viewer));
    return commands.map((c) => may(c)?.code ?? '').join('\n');
  });
  return commands.length === 0
    ? []
    : joined.split('\n').map((code) => (code === '' ? null : (code as Refusal['code'])));
}
