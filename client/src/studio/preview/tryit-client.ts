// Runs "try it" in its worker and answers with the outcome.
import type { Scenario } from '../../../../shared/scenario/index.ts';
import type { Finding } from '../../../../shared/studio/findings.ts';

export type TryItOutcome =
  | {
      ok: true;
      findings: Finding[];
      minutes: { zh: string; en: string };
      completed: boolean;
      smallestClass: number;
    }
  | { ok: false; message: string };

export function runTryIt(scenario: Scenario, seed = 1): Promise<TryItOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./tryit-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<TryItOutcome>) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.onerror = (event) => {
      resolve({ ok: false, message: event.message });
      worker.terminate();
    };
    worker.postMessage({ scenario, seed });
  });
}
