import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QrCode } from '../../projector/QrCode.tsx';
import { copyText } from '../../ui/copy-text.ts';
import { useJoinBase } from '../../ui/join-base.ts';
import type { CreatedSession } from '../api.ts';
import { JoinAddress } from './JoinAddress.tsx';

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
  const copy = async () => setCopied((await copyText(url)) ? 'yes' : 'no');
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
  // Every link handed out is on the address phones and other laptops can reach (null until known).
  const { choice, pick } = useJoinBase();
  const base = choice?.base;
  const joinUrl = joinCode && base ? `${base}/join?code=${joinCode}` : '';
  const observerUrl = base && created?.sessionId === sessionId ? base + created.links.observer : null;
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
            {joinUrl && (
              <p className="fac-join-url">
                <a href={joinUrl} target="_blank" rel="noopener">
                  {joinUrl}
                </a>
              </p>
            )}
          </div>
          {joinUrl && (
            <QrCode
              value={joinUrl}
              alt={t('facilitator.join.qrAlt', { url: joinUrl })}
              className="fac-qr"
              testId="join-qr"
            />
          )}
          {choice && <JoinAddress choice={choice} pick={pick} />}
        </div>
      ) : (
        <p className="fac-reason">{t('facilitator.join.noCode')}</p>
      )}
      <div className="fac-links">
        {joinCode && base && (
          <CopyLink
            label={t('facilitator.join.projector')}
            url={`${base}/projector?code=${joinCode}`}
            testId="projector-link"
            newWindow
          />
        )}
        {!base ? null : observerUrl ? (
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
