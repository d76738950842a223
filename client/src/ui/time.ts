// Clock times as every screen shows them: in the server's time zone (its
// TIME_ZONE setting, Asia/Shanghai by default), never the device's, so a
// laptop set to another zone shows the same "09:42" as the minutes.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { DEFAULT_TIME_ZONE } from '../../../shared/meeting/minutes-format.ts';

/** The zone the server last said (in a welcome, or with the session list). */
export const useServerZone = create<{ zone: string }>(() => ({ zone: DEFAULT_TIME_ZONE }));

export function setServerZone(zone: string | undefined): void {
  if (zone && zone !== useServerZone.getState().zone) useServerZone.setState({ zone });
}

export interface TimeFormat {
  /** "09:42". */
  time(at: number): string;
  /** "09:42:05". */
  timeWithSeconds(at: number): string;
  /** "2026年3月15日 09:42" / "15 Mar 2026, 09:42". */
  dateTime(at: number): string;
  /** "2026-03-15": the day in the server's zone, as an <input type="date"> holds it. */
  day(at: number): string;
}

export function timeFormat(lang: string, zone: string): TimeFormat {
  const locale = lang.startsWith('zh') ? 'zh-CN' : 'en-GB';
  const hm = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  });
  const hms = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  });
  const full = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: zone,
  });
  const ymd = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: zone,
  });
  return {
    time: (at) => hm.format(at),
    timeWithSeconds: (at) => hms.format(at),
    dateTime: (at) => full.format(at),
    day: (at) => ymd.format(at),
  };
}

/** The formats in the UI's language and the server's zone. */
export function useTimeFormat(): TimeFormat {
  const { i18n } = useTranslation();
  const zone = useServerZone((s) => s.zone);
  return useMemo(() => timeFormat(i18n.language, zone), [i18n.language, zone]);
}
