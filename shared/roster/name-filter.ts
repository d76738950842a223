// The roster's name filter: a query matches a person's name as typed
// (王小, 小华), by the initials of its pinyin (wxh, xh), or their community or
// town. Pure, but it carries pinyin-pro's dictionary: only the instructor's
// screens and the server import it, never the trainee's phone.
import { pinyin } from 'pinyin-pro';

/** The initials of a name's pinyin, in lower case: 王小华 → "wxh"; letters and digits stay as they are. */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function matchesName(
  person: { name: string; community?: string; town?: string },
  query: string,
): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (person.name.toLowerCase().includes(q)) return true;
  if (person.community?.toLowerCase().includes(q) || person.town?.toLowerCase().includes(q)) return true;
  const letters = q.replace(/\s+/g, '');
  return /^[a-z]+$/.test(letters) && pinyinInitials(person.name).includes(letters);
}
