// What this screen may send now, asked of the one authority the server's
// dispatch asks too (shared/meeting/may-send.ts), on the facts of this
// viewer's own projected view. Every button, hint and menu reads it; none
// repeats a rule.
import type { Actor, Command } from '../../../shared/meeting/commands.ts';
import type { MeetingError } from '../../../shared/meeting/errors.ts';
import { maySend } from '../../../shared/meeting/may-send.ts';
import type { Viewer } from '../../../shared/protocol/messages.ts';
import { viewFacts } from '../../../shared/views/facts.ts';
import type { LiveView, StaticView } from '../../../shared/views/types.ts';
import { useSession } from './session-store.ts';

/** Null when the command may be sent; otherwise the refusal the server would give. */
export type MayFn = (command: Command) => MeetingError | null;

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

/** The authority's answers for one viewer on one view. */
export function mayFor(
  staticView: StaticView | undefined,
  live: LiveView | undefined,
  actor: Actor | undefined,
): MayFn {
  if (!staticView || !live || !actor) return () => NOT_CONNECTED;
  const facts = viewFacts(staticView.scenario, live);
  return (command) => maySend(facts, actor, command);
}

/** `may(command)` for this page's viewer, on the view it holds now. */
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
export function useRefusal(command: Command): MeetingError['code'] | null {
  return useSession((s) => mayFor(s.static, s.live, actorOf(s.welcome?.viewer))(command)?.code ?? null);
}
