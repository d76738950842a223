import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../ui/text.ts';
import { useTrainee } from './context.ts';

/** The chair writes down a decision or an action item: what, which role, by when. */
export function ActionForm({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const L = useLocalize();
  const { scenario, send } = useTrainee();
  const [kind, setKind] = useState<'decision' | 'action'>('action');
  const [what, setWhat] = useState('');
  const [who, setWho] = useState('');
  const [due, setDue] = useState('');
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!what.trim()) return;
    const ack = await send({
      type: 'action.record',
      kind,
      what: what.trim(),
      ...(who && { who }),
      ...(due.trim() && { due: due.trim() }),
    });
    if (ack.ok) {
      setWhat('');
      setWho('');
      setDue('');
    }
  };
  return (
    <form className="tr-chair-group stack action-form" onSubmit={submit}>
      <h4>{t('trainee.actions.record')}</h4>
      <fieldset className="tr-kind-switch">
        <legend className="visually-hidden">{t('trainee.actions.kind')}</legend>
        {(['action', 'decision'] as const).map((k) => (
          <button
            key={k}
            type="button"
            className="small"
            aria-pressed={kind === k}
            onClick={() => setKind(k)}
          >
            {t(`trainee.actions.${k}`)}
          </button>
        ))}
      </fieldset>
      <label htmlFor={`${id}-what`}>
        <span>{t('trainee.actions.what')}</span>
      </label>
      <textarea id={`${id}-what`} value={what} maxLength={2000} onChange={(e) => setWhat(e.target.value)} />
      {kind === 'action' && (
        <div className="inline-form">
          <label>
            <span>{t('trainee.actions.whoLabel')}</span>
            <select value={who} onChange={(e) => setWho(e.target.value)}>
              <option value="">{t('trainee.actions.nobody')}</option>
              {scenario.roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {L(r.name)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('trainee.actions.dueLabel')}</span>
            <input
              value={due}
              maxLength={40}
              onChange={(e) => setDue(e.target.value)}
              placeholder={t('trainee.actions.duePlaceholder')}
            />
          </label>
        </div>
      )}
      <button
        type="submit"
        className="primary"
        data-testid="chair-record-action"
        disabled={disabled || !what.trim()}
      >
        {t('trainee.actions.save')}
      </button>
    </form>
  );
}
