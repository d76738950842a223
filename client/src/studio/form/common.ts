// Small readers the form sections share: a Text in the screen's language, the roles as choices.
import type { Language } from '../../../../shared/scenario/primitives.ts';

export function textOf(value: unknown, lang: Language): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const t = value as { zh?: unknown; en?: unknown };
    const first = lang === 'zh' ? (t.zh ?? t.en) : (t.en ?? t.zh);
    return typeof first === 'string' ? first : '';
  }
  return '';
}

export const listOf = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Record<string, unknown>[]) : [];

export function roleChoices(data: Record<string, unknown>, lang: Language): { id: string; name: string }[] {
  return listOf(data.roles)
    .filter((r) => typeof r.id === 'string')
    .map((r) => ({ id: r.id as string, name: textOf(r.name, lang) || (r.id as string) }));
}

export const idsOf = (list: unknown): string[] =>
  listOf(list)
    .map((x) => x.id)
    .filter((id): id is string => typeof id === 'string');
