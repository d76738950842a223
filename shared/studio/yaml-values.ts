// Values written as YAML text for the form's edits (yaml-edit.ts): plain
// scalars where they read back the same, the quoting a scalar had kept,
// literal blocks for multi-line text, short values on one line in flow style
// as the shipped files write them, longer ones as block maps and lists.
import { isCollection, parse, type Scalar } from 'yaml';

type Value = unknown;

/** A string as a plain scalar when that reads back as the same string, here. */
function plainIsSafe(s: string, flow: boolean): boolean {
  if (s === '' || s !== s.trim() || /[\n\r\t]/.test(s)) return false;
  try {
    const back = flow
      ? (parse(`[${s}]`) as unknown[])?.[0]
      : (parse(`k: ${s}`) as Record<string, unknown>)?.k;
    return back === s;
  } catch {
    return false;
  }
}

const quoted = (s: string) => JSON.stringify(s);

export function scalarText(value: Value, flow: boolean, was?: Scalar): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = String(value);
  if (was?.type === 'QUOTE_DOUBLE') return quoted(s);
  if (was?.type === 'QUOTE_SINGLE' && !/[\n\r]/.test(s)) return `'${s.replace(/'/g, "''")}'`;
  return plainIsSafe(s, flow) ? s : quoted(s);
}

/** A literal block scalar (`|`), when the text allows one; `indent` is the content's indentation. */
export function blockScalar(s: string, indent: number): string | null {
  if (!s.includes('\n') || /^[ \t]/.test(s) || /\n\n$/.test(s) || s.includes('\r')) return null;
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  const pad = ' '.repeat(indent);
  return `${s.endsWith('\n') ? '|' : '|-'}\n${body
    .split('\n')
    .map((l) => (l === '' ? '' : pad + l))
    .join('\n')}`;
}

export const isPlainObject = (v: Value): v is Record<string, Value> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function flowText(value: Value): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')} }`;
  }
  return scalarText(value, true);
}

/** Short values stay on one line in flow style, as the shipped files write Texts and lists of ids. */
export const inline = (value: Value) => {
  if (!isCollection(value) && !Array.isArray(value) && !isPlainObject(value)) return scalarText(value, false);
  const flow = flowText(value);
  return flow.length <= 100 ? flow : null;
};

/** A map in block style, one key a line at `indent`; the first line carries no indentation. */
export function blockMap(value: Record<string, Value>, indent: number): string {
  const pad = ' '.repeat(indent);
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v], i) => `${i === 0 ? '' : pad}${k}:${valueAfterKey(v, indent)}`)
    .join('\n');
}

/** What follows `key:` — ` value` on the line, or the block on the lines below. */
export function valueAfterKey(v: Value, indent: number): string {
  if (typeof v === 'string' && v.includes('\n')) {
    const block = blockScalar(v, indent + 2);
    if (block) return ` ${block}`;
  }
  const one = inline(v);
  if (one !== null) return ` ${one}`;
  if (Array.isArray(v)) return `\n${blockSeq(v, indent + 2)}`;
  return `\n${' '.repeat(indent + 2)}${blockMap(v as Record<string, Value>, indent + 2)}`;
}

export function blockSeq(items: Value[], indent: number): string {
  return items.map((item) => `${' '.repeat(indent)}- ${seqItem(item, indent)}`).join('\n');
}

export function seqItem(item: Value, dashIndent: number): string {
  if (isPlainObject(item) && (inline(item) === null || Object.keys(item).length > 2))
    return blockMap(item, dashIndent + 2);
  return inline(item) ?? flowText(item);
}
