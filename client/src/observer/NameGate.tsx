import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** First visit: the expert says who they are, as the other experts will see it. */
export function NameGate({
  initial,
  onSubmit,
  onCancel,
}: {
  initial: string;
  onSubmit: (name: string) => void;
  /** When changing the name: go back without changing it. */
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed) onSubmit(trimmed);
  };
  return (
    <section className="panel obs-gate" aria-labelledby="obs-gate-title">
      <h2 id="obs-gate-title">{t('observer.gate.title')}</h2>
      <p className="hint" id="obs-gate-hint">
        {t('observer.gate.hint')}
      </p>
      <form onSubmit={submit} className="inline-form">
        <label>
          <span>{t('observer.gate.name')}</span>
          <input
            data-testid="observer-name-input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={40}
            autoComplete="name"
            aria-describedby="obs-gate-hint"
            required
          />
        </label>
        <button type="submit" className="primary" data-testid="observer-name-submit" disabled={!name.trim()}>
          {t('observer.gate.enter')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.back')}
          </button>
        )}
      </form>
    </section>
  );
}
