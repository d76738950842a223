import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QrCode } from '../../projector/QrCode.tsx';
import type { CreatedSession } from '../api.ts';

function CopyLink({
  label,
  url,
  testId,
  newWindow,
}: {
  label: string;
  url: string;
  testId: string;
  newWindow?: boolean;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <div className="fac-link">
      <span className="fac-link-label">{label}</span>
      <a href={url} data-testid={testId} target={newWindow ? '_blank' : undefined} rel="noopener">
        {url}
      </a>
      <button
        type="button"
        className="small"
        onClick={() => void copy()}
        aria-label={t('facilitator.join.copyLabel', { what: label })}
      >
        {t('facilitator.join.copy')}
      </button>
      <span role="status" className="hint">
        {copied === 'yes'
          ? t('facilitator.join.copied')
          : copied === 'no'
            ? t('facilitator.join.copyFailed')
            : ''}
      </span>
    </div>
  );
}

/** The join code big enough to project, its QR code, and the links to hand out. */
export function JoinPanel({
  sessionId,
  joinCode,
  created,
  compact,
}: {
  sessionId: string;
  joinCode: string | undefined;
  created: CreatedSession | null;
  compact: boolean;
}) {
  const { t } = useTranslation();
  const origin = location.origin;
  const joinUrl = joinCode ? `${origin}/join?code=${joinCode}` : '';
  const observerUrl = created?.sessionId === sessionId ? origin + created.links.observer : null;
  return (
    <section className={`panel fac-join${compact ? ' compact' : ''}`} aria-labelledby="fac-join-heading">
      <h2 id="fac-join-heading">{t('facilitator.join.heading')}</h2>
      {joinCode ? (
        <div className="fac-join-body">
          <div className="fac-join-code-box">
            <p className="fac-join-label">{t('facilitator.join.codeLabel')}</p>
            <p className="fac-join-code" data-testid="join-code">
              {joinCode}
            </p>
            <p className="fac-join-url">
              <a href={joinUrl} target="_blank" rel="noopener">
                {joinUrl}
              </a>
            </p>
          </div>
          <QrCode
            value={joinUrl}
            alt={t('facilitator.join.qrAlt', { url: joinUrl })}
            className="fac-qr"
            testId="join-qr"
          />
        </div>
      ) : (
        <p className="fac-reason">{t('facilitator.join.noCode')}</p>
      )}
      <div className="fac-links">
        {joinCode && (
          <CopyLink
            label={t('facilitator.join.projector')}
            url={`${origin}/projector?code=${joinCode}`}
            testId="projector-link"
            newWindow
          />
        )}
        {observerUrl ? (
          <CopyLink
            label={t('facilitator.join.observer')}
            url={observerUrl}
            testId="observer-link"
            newWindow
          />
        ) : (
          <p className="hint" data-testid="observer-link-missing">
            {t('facilitator.join.noObserverLink')}
          </p>
        )}
      </div>
    </section>
  );
}
