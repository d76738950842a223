// The names of the files people download: what the file is, the meeting's
// title, whose it is and the day, in the reader's language. No ids: people
// read a file name in their downloads folder, and a trainee's must not carry
// a seat id. The server names the file (Content-Disposition); the client
// falls back to the same names when a header is missing.
import type { Lang } from '../meeting/minutes-format.ts';

/** Characters some file system refuses. */
const UNSAFE = /[\\/:*?"<>|]+/g;
const MAX_PART = 60;

/** One part of a file name: unsafe characters become spaces, at most MAX_PART characters. */
export function fileNamePart(text: string): string {
  // Control characters (below U+0020, and DEL) part words as a space would.
  const visible = [...text].map((c) => (c < ' ' || c === '\u007f' ? ' ' : c)).join('');
  const cleaned = visible.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  // Leading dots would hide the file on Unix; trailing dots and spaces are dropped on Windows.
  return [...cleaned]
    .slice(0, MAX_PART)
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '');
}

function joined(parts: (string | undefined)[], extension: string): string {
  const named = parts.map((p) => (p === undefined ? '' : fileNamePart(p))).filter((p) => p !== '');
  return `${named.join(' - ')}.${extension}`;
}

const WORDS = {
  zh: { debrief: '复盘报告', record: '完整记录', personalData: '个人数据' },
  en: { debrief: 'Debrief', record: 'Full record', personalData: 'Personal data' },
} as const;

/** The debrief report as Markdown: "复盘报告 - 加装电梯协调会 - 王小华 - 2026-03-15.md". */
export function debriefFileName(p: { lang: Lang; title: string; who?: string; day?: string }): string {
  return joined([WORDS[p.lang].debrief, p.title, p.who, p.day], 'md');
}

/** The instructor's full JSON record of a session. */
export function sessionRecordFileName(p: { lang: Lang; title: string; day?: string }): string {
  return joined([p.title, p.day, WORDS[p.lang].record], 'json');
}

/** Everything held about one person, for their request to see it. */
export function personalDataFileName(p: { lang: Lang; name: string; day: string }): string {
  return joined([p.name, WORDS[p.lang].personalData, p.day], 'json');
}

/** The roster as a workbook: "学员花名册 - 2026-12-02.xlsx". */
export function rosterFileName(p: { lang: Lang; day: string }): string {
  return joined([p.lang === 'zh' ? '学员花名册' : 'Roster', p.day], 'xlsx');
}

/**
 * The file name a Content-Disposition header gives: the UTF-8 one
 * (filename*, RFC 6266) before the plain one; undefined when it names none.
 */
export function fileNameFromDisposition(header: string): string | undefined {
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed escape: the plain name below, if there is one.
    }
  }
  return /filename\s*=\s*"([^"]+)"/i.exec(header)?.[1];
}
