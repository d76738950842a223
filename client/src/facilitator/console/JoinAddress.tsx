import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hostOf, type JoinBase } from '../../../../shared/join/join-address.ts';

/** Which address the QR code encodes and why; a choice when this machine has several; what to do when it has none. */
export function JoinAddress({ choice, pick }: { choice: JoinBase; pick: (base: string) => void }) {
  const { t } = useTranslation();
  const pickId = useId();
  const host = hostOf(choice.base);
  if (choice.kind === 'no_lan') {
    return (
      <div className="fac-join-address warning" role="note" data-testid="join-address-missing">
        <p>{t('facilitator.join.noLan', { host })}</p>
        <p>{t('facilitator.join.noLanFix')}</p>
      </div>
    );
  }
  return (
    <div className="fac-join-address">
      <p>{t(`facilitator.join.address.${choice.kind}`)}</p>
      <p className="fac-join-host" data-testid="join-address">
        {host}
      </p>
      {choice.kind === 'lan' && choice.options.length > 1 && (
        <p className="fac-join-pick">
          <label htmlFor={pickId}>{t('facilitator.join.pick')}</label>{' '}
          <select
            id={pickId}
            data-testid="join-address-pick"
            value={choice.base}
            onChange={(e) => pick(e.target.value)}
          >
            {choice.options.map((base) => (
              <option key={base} value={base}>
                {hostOf(base)}
              </option>
            ))}
          </select>
          <small className="hint">{t('facilitator.join.pickHint')}</small>
        </p>
      )}
    </div>
  );
}
