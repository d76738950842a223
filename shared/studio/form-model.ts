// What the studio's form knows about the scenario format beyond single
// values: which keys each item kind takes (from the zod schema itself, so
// the form offers only what fits a kind), what a new role, item or inject
// starts as, and how a change of kind keeps the keys that still fit.
import { formatPath } from '../scenario/issues.ts';
import { ITEM_KINDS, type ItemKind, itemSchema } from '../scenario/schema.ts';
import { readSource, removeAt, type StudioPath, setIn, valueAt } from './yaml-edit.ts';

/** The keys each item kind allows, read from the schema's union. */
export const ITEM_KIND_KEYS: Record<ItemKind, readonly string[]> = Object.fromEntries(
  itemSchema.options.map((option) => [option.shape.kind.value, Object.keys(option.shape)]),
) as unknown as Record<ItemKind, readonly string[]>;

const placeholder = (zh: string, en: string) => ({ zh, en });

/** What a kind needs before it is valid, filled in with placeholders to replace. */
function requiredSettings(kind: ItemKind, roleIds: readonly string[]): Record<string, unknown> {
  const first = roleIds[0] ?? 'chair';
  switch (kind) {
    case 'statement':
      return { speakers: [first] };
    case 'qa':
      return { answerers: [first] };
    case 'vote':
      return { motion: placeholder('动议内容。', 'The motion.') };
    case 'election':
      return { seats: 1, candidates: 'nominate' };
    case 'signup':
      return { asks: [placeholder('认领事项', 'A task to sign up for')] };
    default:
      return {};
  }
}

export function newItem(kind: ItemKind, id: string, roleIds: readonly string[]): Record<string, unknown> {
  return { id, title: placeholder('新议程', 'New item'), kind, ...requiredSettings(kind, roleIds) };
}

export function newRole(id: string): Record<string, unknown> {
  return {
    id,
    name: placeholder('新角色', 'New role'),
    public: placeholder('所有人都能看到的介绍。', 'What everyone sees about this card.'),
    brief: placeholder('私密简报。', 'Private brief.'),
  };
}

export function newInject(id: string): Record<string, unknown> {
  return {
    id,
    title: placeholder('突发情况', 'Something happens'),
    body: placeholder('发生了什么。', 'What happens.'),
    manual: true,
  };
}

/** `base`, or `base_2`, `base_3`… — the first not in `taken`. */
export function freeId(taken: readonly string[], base: string): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}_${n}`)) return `${base}_${n}`;
}

/**
 * Changes the kind of agenda item `index`: keys the new kind does not take
 * are removed, what it needs is added; the rest (id, title, duration, a
 * per-speaker time both kinds take) stays as written.
 */
export function changeItemKind(
  source: string,
  index: number,
  kind: ItemKind,
  roleIds: readonly string[],
): string {
  if (!ITEM_KINDS.includes(kind)) return source;
  const path: StudioPath = ['agenda', index];
  const item = valueAt(readSource(source), path) as Record<string, unknown> | undefined;
  if (!item) return source;
  const allowed = ITEM_KIND_KEYS[kind];
  let text = source;
  for (const key of Object.keys(item).reverse())
    if (!allowed.includes(key)) text = removeAt(text, [...path, key]);
  text = setIn(text, [...path, 'kind'], kind);
  for (const [key, value] of Object.entries(requiredSettings(kind, roleIds)))
    if (!(key in item)) text = setIn(text, [...path, key], value);
  return text;
}

/** Where a form field is, as the checker's issues name it (`roles[0].brief`). */
export const fieldKey = (path: StudioPath): string => formatPath(path);

/** The issues on a field: at its path, or inside it (a Text's `zh`, a list's entry). */
export function issuesOn<T extends { path: string }>(issues: readonly T[], path: StudioPath): T[] {
  const key = fieldKey(path);
  return issues.filter((i) => i.path === key || i.path.startsWith(`${key}.`) || i.path.startsWith(`${key}[`));
}
