// Joining a rehearsal: the code (from the QR link or typed), a name, and a
// seat from the server. A seat kept on this device can be taken up again.
import './strings.ts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HeadlessClient } from '../../headless/client.ts';
import { navigate } from '../app/router.ts';
import { loadSeat, type StoredSeat, saveSeat } from '../app/seat-storage.ts';
import { Shell } from '../ui/Shell.tsx';
import './trainee.css';

const CODE_PATTERN = /^[A-Z0-9]{4,16}$/;

export default function JoinPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const [stored] = useState<StoredSeat | null>(loadSeat);
  const [joinCode, setJoinCode] = useState(code.trim().toUpperCase());
  const [name, setName] = useState(stored?.name ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: 'code' | 'name' | null; text: string } | null>(null);
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const cleanCode = joinCode.replace(/\s+/g, '').toUpperCase();
    const cleanName = name.trim();
    if (!CODE_PATTERN.test(cleanCode)) return setError({ field: 'code', text: t('trainee.join.badCode') });
    if (!cleanName) return setError({ field: 'name', text: t('trainee.join.noName') });
    setBusy(true);
    setError(null);
    try {
      const seat = await HeadlessClient.requestSeat(location.origin, cleanCode, cleanName);
      saveSeat({ ...seat, name: cleanName, code: cleanCode });
      navigate('/session');
    } catch (failure) {
      const data = (failure as { data?: { code: string; message: string } }).data;
      setError(
        data
          ? {
              field: data.code === 'session/not_found' ? 'code' : null,
              text: t(`errors.${data.code}`, { defaultValue: t('trainee.join.failed') }),
            }
          : { field: null, text: t('trainee.join.offline') },
      );
      setBusy(false);
    }
  };

  return (
    <Shell title={t('trainee.join.title')}>
      <div className="tr-trainee-join">
        {stored && (
          <section className="panel" aria-labelledby="resume-heading">
            <h2 id="resume-heading">{t('trainee.join.resumeHeading')}</h2>
            <p className="hint">{t('trainee.join.resumeHint')}</p>
            <button type="button" className="primary tr-wide-button" onClick={() => navigate('/session')}>
              {stored.name ? t('trainee.join.continueAs', { name: stored.name }) : t('trainee.join.continue')}
            </button>
          </section>
        )}
        <section className="panel" aria-labelledby="join-heading">
          <h2 id="join-heading">{stored ? t('trainee.join.newHeading') : t('trainee.join.heading')}</h2>
          <form className="stack" onSubmit={submit} noValidate>
            <label>
              <span>{t('home.code')}</span>
              <input
                data-testid="join-code-input"
                className="tr-code-input"
                value={joinCode}
                onChange={(e) => setJoinCode(e.target.value.toUpperCase())}
                autoCapitalize="characters"
                autoComplete="off"
                autoCorrect="off"
                spellCheck={false}
                maxLength={16}
                aria-invalid={error?.field === 'code'}
                aria-describedby={`${errorId}-code-hint${error ? ` ${errorId}` : ''}`}
                required
              />
              <small id={`${errorId}-code-hint`} className="hint">
                {t('home.codeHint')}
              </small>
            </label>
            <label>
              <span>{t('trainee.join.name')}</span>
              <input
                data-testid="join-name-input"
                value={name}
                onChange={(e) => setName(e.target.value)}
                autoComplete="name"
                maxLength={40}
                aria-invalid={error?.field === 'name'}
                aria-describedby={`${errorId}-name-hint${error ? ` ${errorId}` : ''}`}
                required
              />
              <small id={`${errorId}-name-hint`} className="hint">
                {t('trainee.join.nameHint')}
              </small>
            </label>
            {error && (
              <p id={errorId} className="tr-form-error" role="alert">
                {error.text}
              </p>
            )}
            <button
              data-testid="join-submit"
              type="submit"
              className="primary tr-wide-button"
              disabled={busy}
            >
              {busy ? t('home.joining') : t('home.join')}
            </button>
          </form>
        </section>
      </div>
    </Shell>
  );
}
