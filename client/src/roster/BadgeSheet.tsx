// A cohort's badge sheet, to print: each trainee's name, community, personal
// code and a QR code that opens the join page with them chosen (and, printed
// for a session, its join code filled).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listSessions, type SessionRow } from '../facilitator/api.ts';
import { QrCode } from '../projector/QrCode.tsx';
import { type Badge, badgesOf, refusalText } from './api.ts';

export function BadgeSheet({ cohortId, sessionId }: { cohortId: string; sessionId: string }) {
  const { t } = useTranslation();
  const [sheet, setSheet] = useState<{ cohort: { name: string }; badges: Badge[] } | null>(null);
  const [sessions, setSessions] = useState<SessionRow[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    badgesOf(cohortId, sessionId || undefined)
      .then(setSheet)
      .catch((e) => setError(refusalText(t, e)));
  }, [cohortId, sessionId, t]);
  useEffect(() => {
    listSessions()
      .then((rows) => setSessions(rows.filter((r) => r.cohort?.id === cohortId)))
      .catch(() => {});
  }, [cohortId]);

  return (
    <section className="badge-sheet">
      <div className="no-print roster-bar">
        <a href="/roster">{t('roster.screen.title')}</a>
        <label>
          <span>{t('roster.badges.forSession')}</span>
          <select
            data-testid="badge-session"
            value={sessionId}
            onChange={(e) => {
              const url = new URL(location.href);
              url.searchParams.set('session', e.target.value);
              location.assign(url.toString());
            }}
          >
            <option value="">{t('roster.badges.anySession')}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.joinCode}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => print()}>
          {t('roster.badges.print')}
        </button>
        <p className="hint">{t('roster.badges.hint')}</p>
      </div>
      {error && <p role="alert">{error}</p>}
      {sheet && <h2>{t('roster.badges.title', { cohort: sheet.cohort.name })}</h2>}
      {sheet && sheet.badges.length === 0 && <p>{t('roster.badges.empty')}</p>}
      <ul className="badges">
        {sheet?.badges.map((b) => (
          <li key={b.personId} className="badge-card" data-testid="badge">
            <p className="badge-name">{b.name}</p>
            <p>{[b.community, b.town].filter(Boolean).join(' · ')}</p>
            <QrCode
              value={new URL(b.path, location.origin).toString()}
              alt={t('roster.badges.qrAlt', { name: b.name })}
              className="badge-qr"
              testId={`badge-qr-${b.personId}`}
            />
            <p>
              {t('roster.badges.code')}
              <strong>{b.personalCode}</strong>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
