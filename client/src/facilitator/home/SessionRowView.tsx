import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router.ts';
import { useLocalize } from '../../ui/text.ts';
import { useTimeFormat } from '../../ui/time.ts';
import type { CreatedSession, SessionRow } from '../api.ts';
import { ConfirmButton } from '../console/ConfirmButton.tsx';
import { problemText } from '../problem.ts';

/** The meeting machine's state name as a phase ("meeting.running.floor.idle" → running). */
export function phaseOfState(state: string): string {
  if (state.startsWith('meeting.paused')) return 'paused';
  if (state.startsWith('meeting')) return 'running';
  return state;
}

export function SessionRowView({
  row,
  created,
  onDelete,
  onReload,
}: {
  row: SessionRow;
  created: CreatedSession | null;
  onDelete: () => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const L = useLocalize();
  const title = L(row.title);
  const when = useTimeFormat().dateTime(row.createdAt);
  const phase = row.state === null ? null : phaseOfState(row.state);
  const troubled = row.health !== 'live';
  const names = row.participants.slice(0, 8).join(t('facilitator.sep'));

  return (
    <li className="fac-session" data-testid={`session-${row.id}`}>
      <div className="fac-session-main">
        <h3>{title}</h3>
        <p className="meta">
          <span className="visually-hidden">{t('facilitator.sessions.codeLabel')}</span>
          <span className="fac-code-inline">{row.joinCode}</span> · {when}
          {troubled && (
            <>
              {' · '}
              <span className="badge warn" data-testid={`session-health-${row.id}`}>
                {t(`facilitator.sessions.health.${row.health}`)}
              </span>
            </>
          )}
          {phase !== null && (
            <>
              {' · '}
              <span className={`badge ${phase === 'running' ? 'ok' : 'neutral'}`}>{t(`phase.${phase}`)}</span>
            </>
          )}
          {row.attempt !== null && ` · ${t('facilitator.attempt', { n: row.attempt })}`}
        </p>
        {row.problem && (
          <p className="fac-session-problem" role="note" data-testid={`session-problem-${row.id}`}>
            {problemText(t, row.problem)}
          </p>
        )}
        <p className="fac-session-people">
          {t('facilitator.sessions.people', { count: row.participants.length })}
          {names && `${t('facilitator.colon')}${names}${row.participants.length > 8 ? '…' : ''}`}
        </p>
      </div>
      <div className="button-row fac-session-actions">
        {troubled && (
          <button
            type="button"
            className="small"
            onClick={() => void onReload()}
            aria-label={t('facilitator.sessions.reloadLabel', { title, code: row.joinCode })}
            data-testid={`reload-session-${row.id}`}
          >
            {t('facilitator.sessions.reload')}
          </button>
        )}
        {row.health === 'needs_attention' ? null : created ? (
          <button type="button" className="primary small" onClick={() => navigate(created.links.facilitator)}>
            {t('facilitator.sessions.open')}
          </button>
        ) : (
          <span className="hint">{t('facilitator.sessions.noLink')}</span>
        )}
        <ConfirmButton
          label={t('facilitator.sessions.delete')}
          ariaLabel={t('facilitator.sessions.deleteLabel', { title, code: row.joinCode })}
          legend={t('facilitator.sessions.confirmLabel', { title })}
          prompt={t('facilitator.sessions.confirmText')}
          confirmLabel={t('facilitator.sessions.confirmDelete')}
          onConfirm={() => void onDelete()}
          testId={`delete-session-${row.id}`}
          confirmTestId={`confirm-delete-${row.id}`}
          small
        />
      </div>
    </li>
  );
}
