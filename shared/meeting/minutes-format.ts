// Small formatters the minutes are written with: clock times in the
// server's time zone (Shanghai by default), durations in words, fractions in
// words, numbers and areas. Pure. Intl is asked only for a zone's UTC offset
// as numbers: locale output differs between Node and browsers, numbers do not.
import type { Fraction } from '../scenario/index.ts';

export type Lang = 'zh' | 'en';

/** The time zone every screen and the minutes show times in, unless the server is told otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

// China has kept UTC+8 all year since 1991: a fixed offset is exact.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at that instant, in ms (+8 h for Shanghai). Throws RangeError for an unknown zone. */
export function zoneOffsetMs(ms: number, zone: string): number {
  if (zone === DEFAULT_TIME_ZONE) return SHANGHAI_OFFSET_MS;
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(zone, format);
  }
  const parts = format.formatToParts(ms);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** A UTC Date whose UTC fields read as the zone's wall-clock time. */
const wallClock = (ms: number, zone: string): Date => new Date(ms + zoneOffsetMs(ms, zone));

const pad = (n: number): string => String(n).padStart(2, '0');

/** "09:30" in the zone's time (Shanghai by default). */
export function clock(ms: number, zone: string = DEFAULT_TIME_ZONE): string {
  const d = wallClock(ms, zone);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "北京时间" / "Shanghai, UTC+8": how the minutes name the zone their times are in. */
export function zoneName(ms: number, zone: string, lang: Lang): string {
  const offset = zoneOffsetMs(ms, zone) / 60_000;
  const sign = offset < 0 ? '−' : '+';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  const utc = `UTC${sign}${hours}${minutes ? `:${pad(minutes)}` : ''}`;
  if (zone === DEFAULT_TIME_ZONE) return lang === 'zh' ? '北京时间' : `Shanghai, ${utc}`;
  const city = (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');
  return lang === 'zh' ? `${city}时间，${utc}` : `${city}, ${utc}`;
}

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2025年3月15日（星期六）" / "Saturday 15 March 2025", in the zone (Shanghai by default). */
export function date(ms: number, lang: Lang, zone: string = DEFAULT_TIME_ZONE): string {
  const d = wallClock(ms, zone);
  const [y, m, day, wd] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay()];
  return lang === 'zh'
    ? `${y}年${m + 1}月${day}日（星期${WEEKDAYS_ZH[wd]}）`
    : `${WEEKDAYS_EN[wd]} ${day} ${MONTHS_EN[m]} ${y}`;
}

/** The day in the zone, as "2025-03-15" (sorts as it reads). */
export const isoDay = (ms: number, zone: string = DEFAULT_TIME_ZONE): string =>
  wallClock(ms, zone).toISOString().slice(0, 10);

export const sameDay = (a: number, b: number, zone: string = DEFAULT_TIME_ZONE): boolean =>
  isoDay(a, zone) === isoDay(b, zone);

// Whole seconds, truncated like a stopwatch: 95.9 s spoken reads 1:35.
const seconds = (ms: number): number => Math.max(0, Math.floor(ms / 1000));

/** Speaking time as a stopwatch shows it: "1:35". */
export function stopwatch(ms: number): string {
  const s = seconds(ms);
  return `${Math.floor(s / 60)}:${pad(s % 60)}`;
}

/** "1小时5分" · "4分钟" · "1分20秒" · "5秒" / "1 h 5 min" · "4 min" · "1 min 20 s" · "5 s". */
export function duration(ms: number, lang: Lang): string {
  const total = seconds(ms);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  if (lang === 'en') {
    const parts = [h && `${h} h`, m && `${m} min`, s && `${s} s`].filter(Boolean);
    return parts.length ? parts.join(' ') : '0 s';
  }
  // "4分钟" reads better alone; with hours or seconds around it, "分" is enough.
  if (h === 0 && s === 0 && m > 0) return `${m}分钟`;
  const parts = [h && `${h}小时`, m && `${m}分`, s && `${s}秒`].filter(Boolean);
  return parts.length ? parts.join('') : '0秒';
}

/** False when a duration truncates to 0 s: sub-second overtime is not worth a line. */
export const hasWholeSeconds = (ms: number): boolean => seconds(ms) > 0;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

const FRACTION_WORDS: Record<string, { zh: string; en: string }> = {
  '1/2': { zh: '半数', en: 'half' },
  '2/3': { zh: '三分之二', en: 'two thirds' },
  '3/4': { zh: '四分之三', en: 'three quarters' },
};

/** The fraction itself: "三分之二" / "two thirds"; other fractions stay "3/5". */
export function fractionWords(f: Fraction, lang: Lang): string {
  const g = gcd(f.num, f.den) || 1;
  const key = `${f.num / g}/${f.den / g}`;
  return FRACTION_WORDS[key]?.[lang] ?? key;
}

const isHalf = (f: Fraction): boolean => f.num * 2 === f.den;

/** What a threshold asks for: "四分之三以上" · "过半数" / "at least three quarters" · "more than half". */
export function requirement(f: Fraction, lang: Lang): string {
  const w = fractionWords(f, lang);
  if (lang === 'en') return f.strict ? `more than ${w}` : `at least ${w}`;
  if (f.strict) return isHalf(f) ? '过半数' : `超过${w}`;
  return `${w}以上`;
}

/** How a count fell short of a threshold: "未达到四分之三" · "未过半数" / "below three quarters" · "not more than half". */
export function shortfall(f: Fraction, lang: Lang): string {
  const w = fractionWords(f, lang);
  if (lang === 'en') return f.strict ? `not more than ${w}` : `below ${w}`;
  if (f.strict) return isHalf(f) ? '未过半数' : `未超过${w}`;
  return `未达到${w}`;
}

/** 744.6 → "744.6", 1046 → "1,046", 480.8000000001 → "480.8": at most two decimals. */
export function number(x: number): string {
  const [int = '0', frac] = String(Math.round(x * 100) / 100).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

export const area = (m2: number, lang: Lang): string =>
  lang === 'zh' ? `${number(m2)}㎡` : `${number(m2)} m²`;

/**
 * A card name with a note folded into its trailing bracket, so names that
 * already end in one do not get a second: "陈国华（101室业主，陈默饰）",
 * "Other owners on floors 3–5 (301, 302; played by 孙丽)".
 */
export function withNote(name: string, note: string, lang: Lang): string {
  if (lang === 'zh') return name.endsWith('）') ? `${name.slice(0, -1)}，${note}）` : `${name}（${note}）`;
  return name.endsWith(')') ? `${name.slice(0, -1)}; ${note})` : `${name} (${note})`;
}

/** Joins names as a secretary lists them: "甲、乙" / "A, B and C" (or "A; B; C" when a name has a comma). */
export function list(items: readonly string[], lang: Lang): string {
  if (lang === 'zh') return items.join('、');
  if (items.some((i) => i.includes(','))) return items.join('; ');
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Milliseconds between `from` and `to` while the meeting ran: pauses stand the clocks still. */
export function activeMs(
  from: number,
  to: number,
  pauses: readonly { from: number; to?: number }[],
  now: number,
): number {
  let paused = 0;
  for (const p of pauses) {
    const end = Math.min(p.to ?? now, to);
    const start = Math.max(p.from, from);
    if (end > start) paused += end - start;
  }
  return Math.max(0, to - from - paused);
}

/** A statement quoted inline in a list item: line breaks would end the item. */
export const inline = (text: string): string => text.trim().replace(/\s*\n\s*/g, ' ');

/** Table cells: a "|" in a name would split the cell. */
export const cell = (text: string): string => text.replace(/\|/g, '\\|');
