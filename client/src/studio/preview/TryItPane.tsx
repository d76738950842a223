// "Try it": the dry run of shared/meeting/simulate.ts in the browser, in a
// worker (tryit-worker.ts), its minutes, and the findings, each a link to the
// field to fix.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../../shared/scenario/index.ts';
import { fieldKey } from '../../../../shared/studio/form-model.ts';
import { useLocalize } from '../../ui/text.ts';
import { useTraineeKit } from '../trainee-kit.ts';
import { runTryIt, type TryItOutcome } from './tryit-client.ts';

type Outcome = Extract<TryItOutcome, { ok: true }>;

export function TryItPane({
  scenario,
  onField,
}: {
  scenario: Scenario | undefined;
  onField(path: string): void;
}) {
  const { t } = useTranslation();
  const L = useLocalize();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [ranOn, setRanOn] = useState<Scenario | null>(null);
  const [running, setRunning] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const kit = useTraineeKit();
  if (!scenario) return <p className="studio-bad">{t('studioForm.tryIt.fixErrors')}</p>;
  const run = () => {
    setRunning(true);
    void runTryIt(scenario).then((result) => {
      setRunning(false);
      if (!result.ok) return setFailed(result.message);
      setFailed(null);
      setOutcome(result);
      setRanOn(scenario);
    });
  };
  return (
    <div className="studio-try">
      <p className="hint">{t('studioForm.tryIt.intro')}</p>
      <button type="button" onClick={run} disabled={running}>
        {running
          ? t('studioForm.tryIt.running')
          : outcome
            ? t('studioForm.tryIt.again')
            : t('studioForm.tryIt.run')}
      </button>
      {failed && (
        <p role="alert" className="studio-bad">
          {t('studioForm.tryIt.failed', { message: failed })}
        </p>
      )}
      {outcome && ranOn !== scenario && <p className="studio-note">{t('studioForm.tryIt.changed')}</p>}
      {outcome && (
        <>
          <section aria-labelledby="try-findings" className="studio-panel">
            <h3 id="try-findings">{t('studioForm.tryIt.findings')}</h3>
            <p role="status" className={outcome.findings.length > 0 ? 'studio-bad' : 'studio-good'}>
              {outcome.findings.length > 0
                ? t('studioForm.tryIt.count', { count: outcome.findings.length })
                : t('studioForm.tryIt.none', { size: outcome.smallestClass })}
            </p>
            <ul className="try-findings">
              {outcome.findings.map((f) => (
                <li key={`${f.kind}:${fieldKey(f.path)}`} data-kind={f.kind}>
                  {L(f.message)}{' '}
                  <button type="button" className="link" onClick={() => onField(fieldKey(f.path))}>
                    {t('studioForm.tryIt.goTo')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section
            aria-labelledby="try-minutes"
            className="studio-panel try-minutes"
            data-testid="try-minutes"
          >
            <h3 id="try-minutes">{t('studioForm.tryIt.minutes')}</h3>
            {kit ? <kit.Markdown text={L(outcome.minutes)} /> : <pre>{L(outcome.minutes)}</pre>}
          </section>
        </>
      )}
    </div>
  );
}
