import './strings.ts';
import './account.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionHealth } from '../../../shared/protocol/session-problems.ts';
import type { LocalText } from '../../../shared/scenario/primitives.ts';
import { Shell } from '../ui/Shell.tsx';
import { useLocalize } from '../ui/text.ts';
import { setServerZone } from '../ui/time.ts';
import { AccountBar } from './AccountBar.tsx';
import { AccountGate } from './AccountGate.tsx';
import { type Account, api } from './api.ts';
import { errorWords, formatWhen } from './messages.ts';

interface Row {
  id: string;
  title: LocalText;
  createdAt: number;
  participants: string[];
  owner: { name: string };
  /** A session not restored at start cannot be observed until the instructor brings it back. */
  health: SessionHealth;
}

function Sessions({ me }: { me: Account }) {
  const { t, i18n } = useTranslation();
  const L = useLocalize();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      const { sessions, timeZone } = await api<{ sessions: Row[]; timeZone?: string }>('/api/sessions');
      setServerZone(timeZone);
      setRows(
        sessions.filter((s) => s.health !== 'needs_attention').sort((a, b) => b.createdAt - a.createdAt),
      );
    } catch (e) {
      setError(t('accounts.expert.failed', { message: errorWords(t, e) }));
    }
  }, [t]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return (
    <>
      <AccountBar account={me} />
      <section className="panel" aria-labelledby="expert-heading">
        <div className="fac-section-head">
          <h2 id="expert-heading">{t('accounts.expert.title')}</h2>
          <button type="button" className="small" onClick={() => void refresh()}>
            {t('accounts.expert.refresh')}
          </button>
        </div>
        <p className="hint">{t('accounts.expert.intro', { name: me.name })}</p>
        {error && <p role="alert">{error}</p>}
        {rows?.length === 0 && <p>{t('accounts.expert.none')}</p>}
        <ul className="account-sessions" data-testid="expert-sessions">
          {rows?.map((row) => (
            <li key={row.id}>
              <div>
                <h3>{L(row.title)}</h3>
                <p className="meta">
                  {formatWhen(row.createdAt, i18n.language)} ·{' '}
                  {t('accounts.sessions.owner', { name: row.owner.name })}
                </p>
              </div>
              <a
                className="button primary"
                href={`/observe/${encodeURIComponent(row.id)}`}
                aria-label={t('accounts.expert.observeLabel', { title: L(row.title) })}
                data-testid={`observe-${row.id}`}
              >
                {t('accounts.expert.observe')}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** /expert — an expert's start page: the sessions to observe. */
export default function ExpertHome() {
  const { t } = useTranslation();
  return (
    <Shell title={t('accounts.expert.title')}>
      <AccountGate roles={['expert']}>{(me) => <Sessions me={me} />}</AccountGate>
    </Shell>
  );
}
