import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api.ts';
import { Field, FormError } from './form.tsx';
import { errorWords, formatWhen } from './messages.ts';
import { OneTimeSecret } from './OneTimeSecret.tsx';

interface ApiToken {
  id: string;
  label: string;
  source: 'administrator' | 'environment';
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

/** The administrator's API tokens: made (shown once), listed without their secret, revoked. */
export function ApiTokensPanel() {
  const { t, i18n } = useTranslation();
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [label, setLabel] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setTokens((await api<{ tokens: ApiToken[] }>('/api/api-tokens')).tokens);
    } catch (e) {
      setError(errorWords(t, e));
    }
  }, [t]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const made = await api<{ token: string }>('/api/api-tokens', { method: 'POST', body: { label } });
      setSecret(made.token);
      setLabel('');
      await refresh();
    } catch (e) {
      setError(t('accounts.admin.failed', { message: errorWords(t, e) }));
    }
  };
  const revoke = async (token: ApiToken) => {
    try {
      await api(`/api/api-tokens/${encodeURIComponent(token.id)}`, { method: 'DELETE' });
      await refresh();
    } catch (e) {
      setError(t('accounts.admin.failed', { message: errorWords(t, e) }));
    }
  };
  const when = (ms: number | null) =>
    ms === null ? t('accounts.tokens.never') : formatWhen(ms, i18n.language);

  return (
    <section className="panel" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('accounts.tokens.heading')}</h2>
      <p className="hint">{t('accounts.tokens.intro')}</p>
      <form onSubmit={create} className="inline-form">
        <Field
          label={t('accounts.tokens.label')}
          value={label}
          onChange={setLabel}
          maxLength={80}
          required
          testId="token-label"
        />
        <button type="submit" className="primary" disabled={!label.trim()} data-testid="token-create">
          {t('accounts.tokens.create')}
        </button>
      </form>
      <FormError error={error} />
      {secret && <OneTimeSecret intro={t('accounts.tokens.created')} value={secret} testId="token-secret" />}
      {tokens && tokens.length === 0 && <p>{t('accounts.tokens.none')}</p>}
      {tokens && tokens.length > 0 && (
        <div className="account-table-wrap">
          <table className="account-table">
            <thead>
              <tr>
                <th scope="col">{t('accounts.tokens.colLabel')}</th>
                <th scope="col">{t('accounts.tokens.colSource')}</th>
                <th scope="col">{t('accounts.tokens.colCreated')}</th>
                <th scope="col">{t('accounts.tokens.colUsed')}</th>
                <th scope="col">{t('accounts.tokens.colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  {/* The token made from the server's settings has no label a person chose. */}
                  <td>
                    {token.source === 'environment' ? t('accounts.tokens.environmentLabel') : token.label}
                  </td>
                  <td>{t(`accounts.tokens.sources.${token.source}`)}</td>
                  <td>{when(token.createdAt)}</td>
                  <td>{when(token.lastUsedAt)}</td>
                  <td>
                    {token.revokedAt !== null ? (
                      t('accounts.tokens.revoked')
                    ) : (
                      <span className="button-row">
                        {t('accounts.tokens.active')}
                        <button
                          type="button"
                          className="small danger"
                          onClick={() => void revoke(token)}
                          aria-label={t('accounts.tokens.revokeLabel', { label: token.label })}
                          data-testid={`revoke-token-${token.id}`}
                        >
                          {t('accounts.tokens.revoke')}
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
