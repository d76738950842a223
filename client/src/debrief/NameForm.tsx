import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** An expert opening the debrief on a new device says who they are (as on the observer screen). */
export function NameForm({ onSubmit }: { onSubmit(name: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const id = useId();
  const trimmed = name.trim();
  return (
    <form
      className="panel stack db-name-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (trimmed) onSubmit(trimmed.slice(0, 40));
      }}
    >
      <h2>{t('debrief.name.heading')}</h2>
      <p className="hint">{t('debrief.name.hint')}</p>
      <label htmlFor={id}>
        <span>{t('debrief.name.label')}</span>
      </label>
      <input
        id={id}
        value={name}
        maxLength={40}
        autoComplete="name"
        onChange={(e) => setName(e.target.value)}
        data-testid="debrief-name"
      />
      <div className="button-row">
        <button type="submit" className="primary" disabled={!trimmed}>
          {t('debrief.name.submit')}
        </button>
      </div>
    </form>
  );
}
