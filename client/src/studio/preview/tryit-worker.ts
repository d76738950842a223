// "Try it" off the main thread: the dry run and its minutes, in a worker of
// their own (the engine stays out of the studio's page chunks, and a long
// scenario never freezes the form).
import { minutesFromContext } from '../../../../shared/meeting/minutes.ts';
import type { Scenario } from '../../../../shared/scenario/index.ts';
import { tryIt } from '../../../../shared/studio/findings.ts';
import type { TryItOutcome } from './tryit-client.ts';

self.onmessage = (event: MessageEvent<{ scenario: Scenario; seed: number }>) => {
  const { scenario, seed } = event.data;
  try {
    const result = tryIt(scenario, seed);
    const outcome: TryItOutcome = {
      ok: true,
      findings: result.findings,
      minutes: minutesFromContext(scenario, result.run.session.context),
      completed: result.run.completed,
      smallestClass: result.smallestClass,
    };
    self.postMessage(outcome);
  } catch (e) {
    self.postMessage({
      ok: false,
      message: e instanceof Error ? e.message : String(e),
    } satisfies TryItOutcome);
  }
};
