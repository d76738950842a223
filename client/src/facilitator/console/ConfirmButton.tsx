import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A destructive action asked twice: the first click shows the question, the second does it. */
export function ConfirmButton({
  label,
  prompt,
  confirmLabel,
  onConfirm,
  testId,
  confirmTestId,
  disabled,
  className = 'danger',
  ariaLabel,
  legend,
  small,
}: {
  label: string;
  prompt: string;
  confirmLabel: string;
  onConfirm: () => void;
  testId: string;
  confirmTestId: string;
  disabled?: boolean;
  className?: string;
  /** A fuller name for the first button, when its visible label is short. */
  ariaLabel?: string;
  /** Names the question for screen readers; defaults to the label. */
  legend?: string;
  small?: boolean;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const promptId = useId();
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        className={small ? `${className} small` : className}
        disabled={disabled}
        onClick={() => setAsking(true)}
        aria-label={ariaLabel}
        data-testid={testId}
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset
      className="fac-confirm"
      aria-describedby={promptId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAsking(false);
      }}
    >
      <legend className="visually-hidden">{legend ?? label}</legend>
      <span id={promptId} role="alert">
        {prompt}
      </span>
      <button
        ref={confirmRef}
        type="button"
        className={small ? 'danger small' : 'danger'}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid={confirmTestId}
      >
        {confirmLabel}
      </button>
      <button type="button" className={small ? 'small' : undefined} onClick={() => setAsking(false)}>
        {t('facilitator.cancel')}
      </button>
    </fieldset>
  );
}
