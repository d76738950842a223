import '../../roster/strings.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { may } from '../../../../shared/access/rights.ts';
import { type Account, principalOf } from '../../account/api.ts';
import { navigate } from '../../app/router.ts';
import { useLocalize } from '../../ui/text.ts';
import { useTimeFormat } from '../../ui/time.ts';
import type { Person, SessionRow } from '../api.ts';
import { ConfirmButton } from '../console/ConfirmButton.tsx';
import { problemText } from '../problem.ts';

/** The meeting machine's state name as a phase ("meeting.running.floor.idle" → running). */
export function phaseOfState(state: string): string {
  if (state.startsWith('meeting.paused')) return 'paused';
  if (state.startsWith('meeting')) return 'running';
  return state;
}

/** Whom the session is shared with, and (for whoever may share it) a way to add and remove instructors. */
function Sharing({
  row,
  instructors,
  canShare,
  onShare,
}: {
  row: SessionRow;
  instructors: Person[];
  canShare: boolean;
  onShare: (accountId: string, on: boolean) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const candidates = instructors.filter(
    (p) => p.id !== row.owner.id && !row.access.sharedWith.includes(p.id),
  );
  return (
    <div className="fac-sharing">
      {row.sharedWith.length > 0 && (
        <p className="hint">
          {t('accounts.sessions.sharedWith', {
            names: row.sharedWith.map((p) => p.name).join(t('facilitator.sep')),
          })}
        </p>
      )}
      {canShare && (
        <div className="button-row">
          {row.sharedWith.map((p) => (
            <button key={p.id} type="button" className="small" onClick={() => void onShare(p.id, false)}>
              {t('accounts.sessions.unshare', { name: p.name })}
            </button>
          ))}
          {candidates.length > 0 && (
            <>
              <label className="visually-hidden" htmlFor={`share-${row.id}`}>
                {t('accounts.sessions.shareLabel')}
              </label>
              <select
                id={`share-${row.id}`}
                value={choice}
                onChange={(e) => setChoice(e.target.value)}
                data-testid={`share-choice-${row.id}`}
              >
                <option value="">{t('accounts.sessions.shareChoose')}</option>
                {candidates.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="small"
                disabled={!choice}
                onClick={() => void onShare(choice, true).then(() => setChoice(''))}
                data-testid={`share-${row.id}`}
              >
                {t('accounts.sessions.share')}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}

export function SessionRowView({
  row,
  me,
  instructors,
  onDelete,
  onReload,
  onShare,
}: {
  row: SessionRow;
  me: Account;
  instructors: Person[];
  onDelete: () => Promise<void>;
  onReload: () => Promise<void>;
  onShare: (accountId: string, on: boolean) => Promise<void>;
}) {
  const { t } = useTranslation();
  const L = useLocalize();
  const title = L(row.title);
  const when = useTimeFormat().dateTime(row.createdAt);
  const phase = row.state === null ? null : phaseOfState(row.state);
  const troubled = row.health !== 'live';
  const names = row.participants.slice(0, 8).join(t('facilitator.sep'));
  const principal = principalOf(me);
  const canRun = may(principal, 'session.run', row.access);

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
          {' · '}
          {row.owner.id === me.id
            ? t('accounts.sessions.mine')
            : t('accounts.sessions.owner', { name: row.owner.name })}
        </p>
        {(row.course || row.cohort) && (
          <p className="meta" data-testid={`session-group-${row.id}`}>
            {[
              row.course && t('roster.session.inWords', { course: row.course.name }),
              row.cohort && t('roster.session.cohortInWords', { cohort: row.cohort.name }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        )}
        {row.problem && (
          <p className="fac-session-problem" role="note" data-testid={`session-problem-${row.id}`}>
            {problemText(t, row.problem)}
          </p>
        )}
        <p className="fac-session-people">
          {t('facilitator.sessions.people', { count: row.participants.length })}
          {names && `${t('facilitator.colon')}${names}${row.participants.length > 8 ? '…' : ''}`}
        </p>
        <Sharing
          row={row}
          instructors={instructors}
          canShare={may(principal, 'session.share', row.access)}
          onShare={onShare}
        />
      </div>
      <div className="button-row fac-session-actions">
        {troubled && canRun && (
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
        {row.health !== 'needs_attention' && (
          <button
            type="button"
            className={canRun ? 'primary small' : 'small'}
            onClick={() => navigate(`/facilitate/${encodeURIComponent(row.id)}`)}
            data-testid={`open-session-${row.id}`}
          >
            {canRun ? t('facilitator.sessions.open') : t('accounts.sessions.view')}
          </button>
        )}
        {may(principal, 'session.delete', row.access) && (
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
        )}
      </div>
    </li>
  );
}
