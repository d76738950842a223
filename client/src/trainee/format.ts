// Times and durations in the reader's language.
import { useTranslation } from 'react-i18next';
import { useTimeFormat } from '../ui/time.ts';

export function useFormat() {
  const { t, i18n } = useTranslation();
  const times = useTimeFormat();
  const locale = i18n.language.startsWith('zh') ? 'zh-CN' : 'en-GB';
  return {
    /** A clock time of day in the server's zone: "09:42". */
    time: times.time,
    /** A length of time in words: "2分15秒", "2 min 15 s". */
    duration: (ms: number) => {
      const total = Math.round(Math.max(0, ms) / 1000);
      const minutes = Math.floor(total / 60);
      const seconds = total % 60;
      return minutes > 0
        ? t('trainee.duration.minutes', { minutes, seconds })
        : t('trainee.duration.seconds', { seconds });
    },
    /** part/whole as a percentage: "74.2%". */
    share: (part: number, whole: number) =>
      (whole > 0 ? part / whole : 0).toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 }),
    number: (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 }),
  };
}
