import { type MouseEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebrief } from './context.ts';
import { Exports } from './Exports.tsx';

/** Scrolls to a section without touching the fragment: the fragment holds the page's credentials. */
function jump(e: MouseEvent<HTMLAnchorElement>, id: string) {
  e.preventDefault();
  const heading = document.getElementById(`${id}-heading`);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

/** Which attempt is on show, a menu of the sections, and the exports. */
export function Toolbar({ compare, started }: { compare: boolean; started: boolean }) {
  const { t } = useTranslation();
  const { view, attempt, setAttempt } = useDebrief();
  const selectId = useId();
  const sections = [
    ...(started ? ['timeline', 'scores', 'participation'] : []),
    'plan',
    ...(compare ? ['comparison'] : []),
    ...(view.secrets ? ['secrets'] : []),
    ...(started ? ['minutes'] : []),
  ];
  return (
    <div className="db-toolbar panel">
      <div className="db-attempt">
        <label htmlFor={selectId}>
          <span>{t('debrief.attempt.label')}</span>
        </label>
        <select
          id={selectId}
          value={attempt.attempt}
          onChange={(e) => setAttempt(Number(e.target.value))}
          data-testid="attempt-select"
        >
          {view.attempts.map((a) => (
            <option key={a.attempt} value={a.attempt}>
              {t('debrief.attempt.option', { n: a.attempt })}
              {a.current ? t('debrief.attempt.current') : ''}
            </option>
          ))}
        </select>
      </div>
      <nav className="db-nav" aria-label={t('debrief.nav')}>
        <ul>
          {sections.map((id) => (
            <li key={id}>
              <a href={`#${id}`} onClick={(e) => jump(e, id)}>
                {t(`debrief.${id}.title`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Exports />
    </div>
  );
}
