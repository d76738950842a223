// /people/:id: an instructor's or administrator's view of one person's
// portfolio, experts named; administrators also export the person's data
// and delete the person (what deletion does is said before it is done).
import './strings.ts';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { may } from '../../../shared/access/rights.ts';
import type { Portfolio } from '../../../shared/portfolio/portfolio.ts';
import type { Person } from '../../../shared/roster/person.ts';
import { AccountGate } from '../account/AccountGate.tsx';
import { api, principalOf } from '../account/api.ts';
import { errorWords } from '../account/messages.ts';
import { Shell } from '../ui/Shell.tsx';
import { langOf } from '../ui/text.ts';
import { PortfolioView } from './PortfolioView.tsx';

function PersonPortfolio({ personId, admin }: { personId: string; admin: boolean }) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<{ person: Person; portfolio: Portfolio } | null>(null);
  const [error, setError] = useState('');
  const [deleted, setDeleted] = useState(false);
  const load = useCallback(async () => {
    try {
      setData(await api(`/api/people/${encodeURIComponent(personId)}/portfolio`));
    } catch (e) {
      setError(errorWords(t, e));
    }
  }, [personId, t]);
  useEffect(() => {
    void load();
  }, [load]);
  const remove = async () => {
    if (!data || !window.confirm(t('portfolio.deleteConfirm', { name: data.person.name }))) return;
    try {
      await api(`/api/people/${encodeURIComponent(personId)}`, { method: 'DELETE' });
      setDeleted(true);
    } catch (e) {
      setError(errorWords(t, e));
    }
  };
  if (deleted) return <p className="panel">{t('portfolio.deleted')}</p>;
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p className="loading">{t('common.loading')}</p>;
  return (
    <>
      <h2>
        {data.person.name} · {data.person.community} {data.person.position && `· ${data.person.position}`}
      </h2>
      {admin && (
        <section className="panel" aria-labelledby="personal-data-heading">
          <h2 id="personal-data-heading">{t('portfolio.personalData')}</h2>
          <p className="hint">{t('portfolio.deleteExplained')}</p>
          <a
            className="button"
            href={`/api/people/${encodeURIComponent(personId)}/data.json?lang=${langOf(i18n.language)}`}
            download
          >
            {t('portfolio.export')}
          </a>{' '}
          <button type="button" className="danger" onClick={remove}>
            {t('portfolio.delete')}
          </button>
        </section>
      )}
      <PortfolioView portfolio={data.portfolio} />
    </>
  );
}

export default function PersonPortfolioPage({ personId }: { personId: string }) {
  const { t } = useTranslation();
  return (
    <Shell title={t('portfolio.personTitle')} wide>
      <AccountGate roles={['administrator', 'instructor']}>
        {(account) => (
          <PersonPortfolio personId={personId} admin={may(principalOf(account), 'personal_data.delete')} />
        )}
      </AccountGate>
    </Shell>
  );
}
