// Small helpers the console's panels share: sending a command, the scenario
// as the facilitator sees it, and the moment the clocks froze when paused.
import { useState } from 'react';
import { type MissingCard, missingCardsAmong } from '../../../../shared/meeting/seats.ts';
import type { AnyCommand } from '../../../../shared/protocol/messages.ts';
import type { Scenario } from '../../../../shared/scenario/index.ts';
import type { InjectStatus, LiveView } from '../../../../shared/views/types.ts';
import { useSession } from '../../connection/session-store.ts';

/** `run(command)` sends it; `busy` is true until the server answers (refusals show in the toast). */
export function useRun(): { run: (command: AnyCommand) => Promise<boolean>; busy: boolean } {
  const send = useSession((s) => s.send);
  const [pending, setPending] = useState(0);
  const run = async (command: AnyCommand) => {
    setPending((n) => n + 1);
    try {
      return (await send(command)).ok;
    } finally {
      setPending((n) => n - 1);
    }
  };
  return { run, busy: pending > 0 };
}

export function useScenario(): Scenario | undefined {
  const view = useSession((s) => s.static);
  return view?.kind === 'full' ? view.scenario : undefined;
}

export function injectStatuses(live: LiveView): InjectStatus[] {
  return (live.injects as InjectStatus[]).filter((i) => 'trigger' in i);
}

/** Cards short of their minimum (the meeting cannot start until none is): the engine's own rule. */
export function missingCards(scenario: Scenario, live: LiveView): MissingCard[] {
  return missingCardsAmong(scenario, live.participants);
}
