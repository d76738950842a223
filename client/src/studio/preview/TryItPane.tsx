// "Try it": the dry run of shared/meeting/simulate.ts in the browser (a few
// tens of milliseconds for the shipped scenarios, so on the main thread),
// its minutes, and the findings, each a link to the field to fix.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minutesFromContext } from '../../../../shared/meeting/minutes.ts';
import type { Scenario } from '../../../../shared/scenario/index.ts';
import { type Finding, tryIt } from '../../../../shared/studio/findings.ts';
import { fieldKey } from '../../../../shared/studio/form-model.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { useLocalize } from '../../ui/text.ts';

interface Outcome {
  findings: Finding[];
  minutes: { zh: string; en: string };
  completed: boolean;
  smallestClass: number;
}

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
  if (!scenario) return <p className="studio-bad">{t('studioForm.tryIt.fixErrors')}</p>;
  const run = () => {
    const result = tryIt(scenario);
    setOutcome({
      findings: result.findings,
      minutes: minutesFromContext(scenario, result.run.session.context),
      completed: result.run.completed,
      smallestClass: result.smallestClass,
    });
    setRanOn(scenario);
  };
  return (
    <div className="studio-try">
      <p className="hint">{t('studioForm.tryIt.intro')}</p>
      <button type="button" onClick={run}>
        {outcome ? t('studioForm.tryIt.again') : t('studioForm.tryIt.run')}
      </button>
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
            <Markdown text={L(outcome.minutes)} />
          </section>
        </>
      )}
    </div>
  );
}
