import { useTranslation } from 'react-i18next';
import { formatClock, useServerNow } from './clock.ts';

/** Time left until `deadline`; past it, the overtime counts up in red — recorded, never hidden. */
export function Countdown({
  deadline,
  label,
  frozenAt,
}: {
  deadline: number;
  label: string;
  frozenAt?: number;
}) {
  const { t } = useTranslation();
  const live = useServerNow();
  const now = frozenAt ?? live;
  const left = deadline - now;
  const over = left < 0;
  return (
    <span
      className={`countdown${over ? ' over' : ''}`}
      role="timer"
      aria-label={`${label}: ${over ? t('clock.over', { time: formatClock(left) }) : t('clock.left', { time: formatClock(left) })}`}
    >
      {over ? `+${formatClock(left)}` : formatClock(left)}
    </span>
  );
}
