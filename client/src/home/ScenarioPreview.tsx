// A scenario before a session exists: how many trainees it takes, the meeting
// kind, the roles' public sides and the agenda with its time boxes. Read from
// the public scenario endpoint, so it shows nothing a trainee could not read.
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaTime, type PublicScenario } from '../../../shared/views/scenario-public.ts';
import { traineesLabel } from '../ui/class-size.ts';
import { useLocalize } from '../ui/text.ts';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; scenario: PublicScenario };

const minutesOf = (seconds: number) => Math.round(seconds / 60);

export function ScenarioPreview({
  scenarioId,
  onClose,
  actions,
}: {
  scenarioId: string;
  onClose: () => void;
  /** E.g. the facilitator's "create a session" button. */
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const L = useLocalize();
  const headingId = useId();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    fetch(`/api/scenarios/${encodeURIComponent(scenarioId)}`, { signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        setLoad({ state: 'ready', scenario: ((await res.json()) as { scenario: PublicScenario }).scenario });
      })
      .catch((error: Error) => {
        if (!controller.signal.aborted) setLoad({ state: 'failed', message: error.message });
      });
    return () => controller.abort();
  }, [scenarioId]);

  if (load.state !== 'ready')
    return (
      <section className="scenario-preview" data-testid={`preview-${scenarioId}`}>
        <p role={load.state === 'failed' ? 'alert' : 'status'}>
          {load.state === 'failed' ? t('preview.failed', { message: load.message }) : t('preview.loading')}
        </p>
        <button type="button" className="small" onClick={onClose}>
          {t('preview.close')}
        </button>
      </section>
    );

  const { scenario } = load;
  const { min, ideal, max } = scenario.trainees;
  const time = agendaTime(scenario.agenda);
  const total = minutesOf(time.seconds);
  return (
    <section className="scenario-preview" aria-labelledby={headingId} data-testid={`preview-${scenarioId}`}>
      <div className="preview-head">
        <div>
          <p className="meeting-kind">{t(`meeting.${scenario.meeting}`)}</p>
          <h3 id={headingId} tabIndex={-1}>
            {L(scenario.title)}
          </h3>
        </div>
        <button type="button" className="small" onClick={onClose} data-testid="preview-close">
          {t('preview.close')}
        </button>
      </div>
      <p className="preview-size" data-testid="preview-size">
        <strong>{traineesLabel(t, scenario.trainees)}</strong> {t('preview.size', { min, ideal, max })}
      </p>
      <p className="hint">{t('preview.standIn')}</p>
      <p>{L(scenario.summary)}</p>

      <h4>{t('preview.roles')}</h4>
      <ul className="preview-roles">
        {scenario.roles.map((role) => (
          <li key={role.id} data-testid={`preview-role-${role.id}`}>
            <div className="preview-role-head">
              <strong>{L(role.name)}</strong>
              {role.chair && <span className="badge">{t('preview.chair')}</span>}
              {role.required && !role.npc && <span className="badge warn">{t('preview.required')}</span>}
              {role.npc && <span className="badge neutral">{t('preview.npc')}</span>}
              {!role.npc && role.seats.max > 1 && (
                <span className="badge neutral">
                  {t('preview.seats', { range: `${role.seats.min}–${role.seats.max}` })}
                </span>
              )}
            </div>
            {role.affiliation && <p className="muted">{L(role.affiliation)}</p>}
            <p>{L(role.public)}</p>
          </li>
        ))}
      </ul>

      <h4>{t('preview.agenda')}</h4>
      <ol className="preview-agenda">
        {scenario.agenda.map((item) => (
          <li key={item.id}>
            <span>{L(item.title)}</span> <span className="muted">{t(`kind.${item.kind}`)}</span>
            <span className="preview-time">
              {item.duration === undefined
                ? t('preview.untimed')
                : t('preview.minutes', { count: minutesOf(item.duration) })}
            </span>
          </li>
        ))}
      </ol>
      <p className="preview-total" data-testid="preview-total">
        {time.untimed > 0
          ? t('preview.totalUntimed', { minutes: total, count: time.untimed })
          : t('preview.total', { minutes: total })}
      </p>
      {actions && <div className="preview-actions">{actions}</div>}
    </section>
  );
}

export default ScenarioPreview;
