import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A link or token the server shows once: readable, selectable, with a copy button. */
export function OneTimeSecret({ intro, value, testId }: { intro: string; value: string; testId: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard (plain http): the value stays on screen to select by hand.
    }
  };
  return (
    <div className="account-secret" role="status">
      <p>{intro}</p>
      <code data-testid={testId}>{value}</code>
      <button type="button" className="small" onClick={() => void copy()}>
        {copied ? t('accounts.admin.copied') : t('accounts.admin.copy')}
      </button>
    </div>
  );
}
