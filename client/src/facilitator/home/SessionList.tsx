import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionProblem } from '../../../../shared/protocol/session-problems.ts';
import type { LocalText } from '../../../../shared/scenario/primitives.ts';
import { type Account, refreshAccount } from '../../account/api.ts';
import { errorWords } from '../../account/messages.ts';
import { localize } from '../../ui/text.ts';
import { useTimeFormat } from '../../ui/time.ts';
import {
  ApiError,
  deleteSession,
  listInstructors,
  listSessions,
  type Person,
  reloadSession,
  type SessionRow,
  share,
  unshare,
} from '../api.ts';
import { problemText } from '../problem.ts';
import { SessionRowView } from './SessionRowView.tsx';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; rows: SessionRow[] };

/** The sessions this server holds: search by scenario, date or trainee; reopen a console; delete. */
export function SessionList({ me }: { me: Account }) {
  const { t, i18n } = useTranslation();
  const times = useTimeFormat();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [instructors, setInstructors] = useState<Person[]>([]);
  const [query, setQuery] = useState('');
  const [day, setDay] = useState('');
  const [notice, setNotice] = useState<{
    key: string;
    title?: LocalText;
    code?: string;
    message?: string;
    reason?: string;
  } | null>(null);

  const refresh = useCallback(async () => {
    try {
      const rows = await listSessions();
      setLoad({ state: 'ready', rows: rows.sort((a, b) => b.createdAt - a.createdAt) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return void refreshAccount();
      setLoad({ state: 'failed', message: (e as Error).message });
    }
  }, []);

  useEffect(() => {
    void refresh();
    listInstructors().then(setInstructors, () => setInstructors([]));
  }, [refresh]);

  const rows = useMemo(() => {
    if (load.state !== 'ready') return [];
    const q = query.trim().toLowerCase();
    return load.rows.filter((row) => {
      if (day && times.day(row.createdAt) !== day) return false;
      if (!q) return true;
      const haystack = [
        row.scenarioId,
        row.title.zh,
        row.title.en,
        row.joinCode,
        ...row.participants,
        times.dateTime(row.createdAt),
      ];
      return haystack.some((s) => s.toLowerCase().includes(q));
    });
  }, [load, query, day, times]);

  const remove = async (row: SessionRow) => {
    try {
      await deleteSession(row.id);
      setNotice({ key: 'facilitator.sessions.deleted', title: row.title, code: row.joinCode });
      await refresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return void refreshAccount();
      setNotice({ key: 'facilitator.sessions.deleteFailed', message: errorWords(t, e) });
    }
  };
  const changeShare = async (row: SessionRow, accountId: string, on: boolean) => {
    try {
      await (on ? share(row.id, accountId) : unshare(row.id, accountId));
      await refresh();
    } catch (e) {
      setNotice({ key: 'accounts.sessions.shareFailed', message: errorWords(t, e) });
    }
  };

  const reload = async (row: SessionRow) => {
    try {
      await reloadSession(row.id);
      setNotice({ key: 'facilitator.sessions.reloaded', title: row.title });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return void refreshAccount();
      const problem = e instanceof ApiError ? (e.details as SessionProblem | undefined) : undefined;
      setNotice({
        key: 'facilitator.sessions.reloadFailed',
        reason: problem ? problemText(t, problem) : (e as Error).message,
      });
    }
    await refresh();
  };

  return (
    <section aria-labelledby="fac-sessions-heading" className="panel fac-sessions">
      <div className="fac-section-head">
        <h2 id="fac-sessions-heading">{t('facilitator.sessions.heading')}</h2>
        <button type="button" className="small" onClick={() => void refresh()}>
          {t('facilitator.sessions.refresh')}
        </button>
      </div>
      <search className="fac-filters">
        <label>
          <span>{t('facilitator.sessions.search')}</span>
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('facilitator.sessions.searchPlaceholder')}
            data-testid="session-search"
          />
        </label>
        <label className="fac-date">
          <span>{t('facilitator.sessions.date')}</span>
          <input type="date" value={day} onChange={(e) => setDay(e.target.value)} />
        </label>
      </search>
      <p role="status" className="hint">
        {notice && t(notice.key, { ...notice, title: localize(notice.title, i18n.language) })}
      </p>
      {load.state === 'loading' && <p>{t('common.loading')}</p>}
      {load.state === 'failed' && (
        <p role="alert">{t('facilitator.sessions.failed', { message: load.message })}</p>
      )}
      {load.state === 'ready' && (
        <>
          <p className="hint">
            {t('facilitator.sessions.count', { shown: rows.length, count: load.rows.length })}
          </p>
          {rows.length === 0 && (
            <p>
              {load.rows.length === 0 ? t('facilitator.sessions.none') : t('facilitator.sessions.noMatch')}
            </p>
          )}
          <ul className="fac-session-list" data-testid="session-list">
            {rows.map((row) => (
              <SessionRowView
                key={row.id}
                row={row}
                me={me}
                instructors={instructors}
                onDelete={() => remove(row)}
                onReload={() => reload(row)}
                onShare={(accountId, on) => changeShare(row, accountId, on)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
