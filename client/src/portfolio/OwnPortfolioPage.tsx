// /portfolio: a trainee opens their own portfolio with their name and the
// personal code on their badge (the community too, when two share a name).
// The code is sent once per opening and kept nowhere on the device.
import './strings.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Portfolio } from '../../../shared/portfolio/portfolio.ts';
import { api } from '../account/api.ts';
import { errorWords } from '../account/messages.ts';
import { Shell } from '../ui/Shell.tsx';
import { PortfolioView } from './PortfolioView.tsx';

export default function OwnPortfolioPage() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [community, setCommunity] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [opened, setOpened] = useState<{ name: string; portfolio: Portfolio } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    try {
      const body = await api<{ person: { name: string }; portfolio: Portfolio }>('/api/portfolio', {
        method: 'POST',
        body: { name, code, ...(community.trim() && { community }) },
      });
      setOpened({ name: body.person.name, portfolio: body.portfolio });
      setCode('');
    } catch (e) {
      setError(errorWords(t, e));
    }
  };
  if (opened)
    return (
      <Shell title={t('portfolio.ownTitle', { name: opened.name })} wide>
        <PortfolioView portfolio={opened.portfolio} />
        <button type="button" onClick={() => setOpened(null)}>
          {t('portfolio.close')}
        </button>
      </Shell>
    );
  return (
    <Shell title={t('portfolio.openTitle')}>
      <form className="panel stack" onSubmit={submit}>
        <p>{t('portfolio.openIntro')}</p>
        <label>
          <span>{t('portfolio.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={40} />
        </label>
        <label>
          <span>{t('portfolio.community')}</span>
          <input value={community} onChange={(e) => setCommunity(e.target.value)} maxLength={60} />
        </label>
        <label>
          <span>{t('portfolio.code')}</span>
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            required
          />
        </label>
        {error && <p role="alert">{error}</p>}
        <button type="submit" className="primary">
          {t('portfolio.open')}
        </button>
      </form>
    </Shell>
  );
}
