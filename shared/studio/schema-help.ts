// Completion and hover for the studio's source editor, drawn from the zod
// schema itself (not the generated JSON Schema): an agenda item's keys
// follow its `kind`, as the validator's do, and references offer the ids the
// file defines (roles for speakers, items for an inject's `at.item`…).
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { z } from 'zod';
import { BUILTIN_RULES } from '../scenario/defaults.ts';
import { scenarioFileSchema } from '../scenario/schema.ts';
import { allowedKeysAt, unwrap, valueAt } from '../scenario/validate.ts';

type Path = (string | number)[];

export interface CursorContext {
  /** The map (for a key) or the key (for a value) the cursor is in. */
  path: Path;
  atKey: boolean;
  /** Where the word being typed starts. */
  from: number;
}

const MARK = '__cursor__';

/**
 * Where the cursor is in the YAML structure: a placeholder key (or value) is
 * put where the word being typed starts, the text parsed, and the
 * placeholder found — so block and flow style, and half-written files, work alike.
 */
export function cursorContext(source: string, offset: number): CursorContext | null {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const before = source.slice(lineStart, offset);
  const word = /[A-Za-z0-9_-]*$/.exec(before)?.[0] ?? '';
  const from = offset - word.length;
  const lead = before.slice(0, before.length - word.length);
  const atKey = /^\s*(-\s+)*$/.test(lead) || /[{,]\s*$/.test(lead);
  const rest = source.slice(offset).replace(/^[A-Za-z0-9_-]*/, '');
  const probe = `${source.slice(0, from)}${atKey ? `${MARK}: 0` : MARK}${rest}`;
  const found = find(parseDocument(probe).contents, []);
  return found ? { path: found, atKey, from } : null;
}

/** The path of the placeholder: its map's path for a key, the key's path for a value. */
function find(node: unknown, path: Path): Path | null {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (name === MARK) return path;
      if (isScalar(pair.value) && pair.value.value === MARK) return [...path, name];
      const inner = find(pair.value, [...path, name]);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      if (isScalar(item) && item.value === MARK) return [...path, i];
      const inner = find(item, [...path, i]);
      if (inner) return inner;
    }
  }
  return null;
}

// biome-ignore lint/suspicious/noExplicitAny: walking zod's definitions
type AnySchema = any;

/** The zod schema at `path` in `data` (an item's by its kind), unwrapped; undefined off the schema. */
export function schemaAt(data: unknown, path: Path): AnySchema {
  let schema: AnySchema = scenarioFileSchema;
  for (let depth = 0; depth <= path.length; depth++) {
    const unwrapped = unwrap(schema, valueAt(data, path.slice(0, depth)));
    if (depth === path.length) return unwrapped ?? schema;
    if (!unwrapped) return undefined;
    const def = unwrapped._zod.def;
    const key = path[depth];
    if (def.type === 'object') schema = def.shape[key as string];
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'record') schema = def.valueType;
    else if (def.type === 'union')
      schema = def.options.find((o: AnySchema) => o._zod.def.type === 'array')?._zod.def.element;
    else return undefined;
    if (!schema) return undefined;
  }
  return schema;
}

/** The description given in the schema (`.meta({ description })`) for the value at `path`. */
export function describeAt(data: unknown, path: Path): string | undefined {
  let schema: AnySchema = scenarioFileSchema;
  let description: string | undefined;
  for (let depth = 0; depth <= path.length; depth++) {
    let s = schema;
    for (let guard = 0; s && guard < 8; guard++) {
      const meta = z.globalRegistry.get(s) as { description?: string } | undefined;
      if (meta?.description) description = meta.description;
      const def = s._zod.def;
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') s = def.innerType;
      else if (def.type === 'pipe') s = def.in;
      else break;
    }
    if (depth === path.length) return description;
    description = undefined;
    schema = schemaAt(data, path.slice(0, depth + 1));
    if (!schema) return undefined;
  }
  return description;
}

export interface Suggestion {
  label: string;
  detail?: string;
}

/** Keys the map at `path` may still take. */
export function keySuggestions(data: unknown, path: Path): Suggestion[] {
  const present = valueAt(data, path);
  const have = present && typeof present === 'object' ? Object.keys(present) : [];
  return allowedKeysAt(data, path)
    .filter((key) => !have.includes(key))
    .map((key) => {
      const detail = describeAt(data, [...path, key]);
      return detail ? { label: key, detail } : { label: key };
    });
}

const ROLE_LISTS = new Set(['speakers', 'order', 'answerers', 'candidates', 'eligible', 'to']);

/** Values for the key at `path`: enum and literal options, booleans, and the ids the file defines. */
export function valueSuggestions(data: unknown, path: Path): Suggestion[] {
  const key = [...path].reverse().find((p) => typeof p === 'string');
  const file = (data ?? {}) as { roles?: { id?: unknown }[]; agenda?: { id?: unknown }[]; rules?: object };
  const ids = (list: { id?: unknown }[] | undefined) =>
    (list ?? []).map((e) => e?.id).filter((id): id is string => typeof id === 'string');
  if (key === 'rule')
    return [...Object.keys(BUILTIN_RULES), ...Object.keys(file.rules ?? {})].map((label) => ({ label }));
  if (typeof key === 'string' && ROLE_LISTS.has(key) && path.at(0) !== 'roles')
    return ids(file.roles).map((label) => ({ label }));
  if (key === 'item' && path[0] === 'injects') return ids(file.agenda).map((label) => ({ label }));
  const out = new Set<string>();
  const collect = (schema: AnySchema, depth = 0) => {
    if (!schema || depth > 6) return;
    const def = schema._zod.def;
    if (def.type === 'enum') for (const v of Object.values(def.entries)) out.add(String(v));
    else if (def.type === 'literal') for (const v of def.values) out.add(String(v));
    else if (def.type === 'boolean') {
      out.add('true');
      out.add('false');
    } else if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable')
      collect(def.innerType, depth + 1);
    else if (def.type === 'union') for (const o of def.options) collect(o, depth + 1);
    else if (def.type === 'array') collect(def.element, depth + 1);
  };
  // An item's kind: the union's discriminator, whatever the item holds now.
  if (key === 'kind' && path[0] === 'agenda') {
    const items = unwrap(scenarioFileSchema._zod.def.shape.agenda, undefined)?._zod.def.element;
    for (const o of unwrap(items, undefined) ? [] : (items?._zod.def.options ?? []))
      collect(o._zod.def.shape.kind);
  } else collect(schemaAt(data, path));
  return [...out].map((label) => ({ label }));
}
