// The form's edits to the scenario's YAML text: set a value at a path, add a
// list entry, remove one. Each edit splices the text at the edited node's
// place (found with the yaml Document's ranges), so every other byte —
// comments, key order, flow or block layout, quoting — stays as written.
// Re-stringifying the Document would keep comments and order but reflow the
// rest of the file (flow maps, long lines, `[a]` → `[ a ]`): that is why the
// text is spliced, not printed. How a value is written as text: yaml-values.ts.
import {
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import {
  blockMap,
  blockScalar,
  blockSeq,
  flowText,
  inline,
  isPlainObject,
  scalarText,
  seqItem,
  valueAfterKey,
} from './yaml-values.ts';

export type StudioPath = readonly (string | number)[];

export class YamlEditError extends Error {
  constructor(
    readonly code: 'yaml_syntax' | 'no_such_path' | 'not_editable',
    message: string,
  ) {
    super(message);
  }
}

type Value = unknown;

function parsed(source: string) {
  const doc = parseDocument(source);
  if (doc.errors.length > 0)
    throw new YamlEditError('yaml_syntax', `the YAML has a syntax error: ${doc.errors[0]?.message ?? ''}`);
  return doc;
}

/** The file as data (the form's model): what the YAML says, before defaults. */
export function readSource(source: string): Record<string, unknown> | null {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) return null;
  const data = doc.toJS();
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
}

export function valueAt(data: unknown, path: StudioPath): unknown {
  let at: unknown = data;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

// ---- where things are in the text ----

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const column = (text: string, at: number) => at - lineStart(text, at);
/** `at` itself when it starts a line, else the start of the next line (or the end). */
function nextLineStart(text: string, at: number): number {
  if (at === 0 || text[at - 1] === '\n') return at;
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl + 1;
}
const range = (node: Node) => node.range ?? [0, 0, 0];

interface Step {
  node: Node | null;
  /** The collection it is in and how it is reached from there. */
  parent: YAMLMap | YAMLSeq | null;
  pair: Pair | null;
  index: number;
  /** Inside a flow collection: block scalars and block collections are not allowed. */
  flow: boolean;
}

/** Walks the path; stops at the first missing step (`missing` is the rest of the path). */
function locate(doc: ReturnType<typeof parseDocument>, path: StudioPath) {
  let step: Step = { node: doc.contents as Node | null, parent: null, pair: null, index: -1, flow: false };
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const node = step.node;
    const flow = step.flow || (isCollection(node) && node.flow === true);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair) return { step, at: node as YAMLMap, missing: path.slice(i), flow };
      step = {
        node: (pair.value as Node | null) ?? null,
        parent: node,
        pair,
        index: node.items.indexOf(pair),
        flow,
      };
    } else if (isSeq(node) && typeof key === 'number' && key >= 0 && key < node.items.length) {
      step = { node: node.items[key] as Node, parent: node, pair: null, index: key, flow };
    } else {
      return { step, at: null, missing: path.slice(i), flow };
    }
  }
  return { step, at: null, missing: [] as StudioPath, flow: step.flow };
}

/** Builds `{ a: { b: value } }` for a path that does not exist yet. */
function nest(rest: StudioPath, value: Value): Value {
  return rest.reduceRight<Value>(
    (inner, key) => (typeof key === 'number' ? [inner] : { [key]: inner }),
    value,
  );
}

const splice = (text: string, from: number, to: number, insert: string) =>
  text.slice(0, from) + insert + text.slice(to);

// ---- the edits ----

/** Sets the value at `path` (creating missing keys); `undefined` removes it. */
export function setIn(source: string, path: StudioPath, value: Value): string {
  const doc = parsed(source);
  const found = locate(doc, path);
  if (found.missing.length > 0) {
    if (value === undefined) return source;
    if (!found.at) {
      const { node } = found.step;
      if (node === null || isScalar(node)) return replaceNode(source, found.step, nest(found.missing, value));
      throw new YamlEditError('no_such_path', `nothing at ${path.join('.')} to set`);
    }
    const key = found.missing[0] as string;
    return insertKey(source, found.at, found.flow, key, nest(found.missing.slice(1), value));
  }
  if (value === undefined) return removeAt(source, path);
  return replaceNode(source, found.step, value);
}

function replaceNode(source: string, step: Step, value: Value): string {
  const { node } = step;
  if (node === null) {
    // `key:` with nothing after it: write the value after the key.
    const end = step.pair && isScalar(step.pair.key) ? range(step.pair.key as Node)[1] : null;
    if (end === null) throw new YamlEditError('not_editable', 'this value cannot be edited here');
    const colon = source.indexOf(':', end);
    const indent = column(source, range(step.pair?.key as Node)[0]);
    return splice(source, colon + 1, colon + 1, valueAfterKey(value, indent));
  }
  const [start, valueEnd, nodeEnd] = range(node);
  const flow = step.flow || (isCollection(node) && node.flow === true);
  if (isScalar(node) && !isCollection(value) && !Array.isArray(value) && !isPlainObject(value)) {
    const wasBlock = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    const lineEnd = source.indexOf('\n', valueEnd);
    const restOfLine = source.slice(valueEnd, lineEnd === -1 ? source.length : lineEnd).trim();
    if (typeof value === 'string' && value.includes('\n') && !flow && (wasBlock || restOfLine === '')) {
      const block = blockScalar(value, contentIndent(source, step, node));
      if (block) return splice(source, start, valueEnd, wasBlock ? `${block}\n` : block);
    }
    const text = scalarText(value, flow, wasBlock ? undefined : node);
    return splice(source, start, valueEnd, wasBlock ? `${text}\n` : text);
  }
  if (isCollection(node) && !node.flow && !flow && (Array.isArray(value) || isPlainObject(value))) {
    const from = lineStart(source, start);
    const indent = column(source, start);
    const text = Array.isArray(value)
      ? blockSeq(value, column(source, source.lastIndexOf('-', start)))
      : ' '.repeat(indent) + blockMap(value, indent);
    return splice(source, from, nextLineStart(source, nodeEnd), `${text}\n`);
  }
  return splice(source, start, valueEnd, flow ? flowText(value) : (inline(value) ?? flowText(value)));
}

/** Where a block scalar's lines go: two past the key's column (or the dash's). */
function contentIndent(source: string, step: Step, node: Node): number {
  if (step.pair && isScalar(step.pair.key)) return column(source, range(step.pair.key as Node)[0]) + 2;
  return column(source, range(node)[0]);
}

function insertKey(source: string, map: YAMLMap, flow: boolean, key: string, value: Value): string {
  const last = map.items[map.items.length - 1];
  if (flow || map.flow) {
    if (!last) {
      const [start, end] = range(map as Node);
      return splice(source, start, end, `{ ${key}: ${flowText(value)} }`);
    }
    const end = pairEnd(last, 1);
    return splice(source, end, end, `, ${key}: ${flowText(value)}`);
  }
  const first = map.items[0];
  if (!first || !isScalar(first.key))
    throw new YamlEditError('not_editable', 'this map cannot take a new key');
  const indent = column(source, range(first.key as Node)[0]);
  let at = nextLineStart(source, pairEnd(last as Pair, 2));
  let prefix = '';
  if (at === source.length && !source.endsWith('\n')) prefix = '\n';
  if (at > source.length) at = source.length;
  return splice(source, at, at, `${prefix}${' '.repeat(indent)}${key}:${valueAfterKey(value, indent)}\n`);
}

const pairEnd = (pair: Pair, which: 1 | 2) => {
  const node = (pair.value as Node | null) ?? (pair.key as Node);
  return range(node)[which];
};

/** Adds `value` at the end of the list at `path` (making the list when there is none). */
export function appendTo(source: string, path: StudioPath, value: Value): string {
  const doc = parsed(source);
  const found = locate(doc, path);
  const seq = found.missing.length === 0 ? found.step.node : null;
  if (!isSeq(seq)) return setIn(source, path, [value]);
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (seq.flow || found.step.flow) {
    if (!last) {
      const [start, end] = range(seq as Node);
      return splice(source, start, end, `[${flowText(value)}]`);
    }
    return splice(source, range(last)[1], range(last)[1], `, ${flowText(value)}`);
  }
  if (!last) throw new YamlEditError('not_editable', 'this list cannot take an entry');
  const dash = source.lastIndexOf('-', range(seq.items[0] as Node)[0]);
  const dashIndent = column(source, dash);
  let at = nextLineStart(source, range(last)[2]);
  const prefix = at === source.length && !source.endsWith('\n') ? '\n' : '';
  at = Math.min(at, source.length);
  return splice(source, at, at, `${prefix}${' '.repeat(dashIndent)}- ${seqItem(value, dashIndent)}\n`);
}

/** Removes the list entry or key at `path`; the last entry of a list removes the list's key. */
export function removeAt(source: string, path: StudioPath): string {
  const doc = parsed(source);
  const found = locate(doc, path);
  if (found.missing.length > 0) return source;
  const { parent, pair, index } = found.step;
  if (!parent) throw new YamlEditError('not_editable', 'the whole file cannot be removed');
  if (isSeq(parent) && parent.items.length === 1 && path.length > 1)
    return removeAt(source, path.slice(0, -1));
  const node = (pair ?? found.step.node) as Pair | Node;
  const startOf = (x: Pair | Node) => (isPair(x) ? range(x.key as Node)[0] : range(x as Node)[0]);
  const endOf = (x: Pair | Node, which: 1 | 2) => (isPair(x) ? pairEnd(x, which) : range(x as Node)[which]);
  const items = parent.items as (Pair | Node)[];
  if (parent.flow || found.step.flow) {
    const before = items[index - 1];
    const after = items[index + 1];
    if (before) return splice(source, endOf(before, 1), endOf(node, 1), '');
    if (after) return splice(source, startOf(node), startOf(after), '');
    return splice(source, startOf(node), endOf(node, 1), '');
  }
  const start = startOf(node);
  const from = lineStart(source, start);
  if (isPair(node) && source.slice(from, start).trim() !== '')
    throw new YamlEditError('not_editable', 'the first key of a list entry cannot be removed');
  if (isSeq(parent) && !/^\s*-\s*$/.test(source.slice(from, start)))
    throw new YamlEditError('not_editable', 'this entry cannot be removed');
  return splice(source, from, nextLineStart(source, endOf(node, 2)), '');
}

/**
 * Sets one language of the Text at `path`. A plain string (one text for
 * both) becomes `{ zh, en }` with the other language kept.
 */
export function setText(source: string, path: StudioPath, lang: 'zh' | 'en', value: string): string {
  const data = readSource(source);
  const current = valueAt(data, path);
  if (isPlainObject(current)) return setIn(source, [...path, lang], value);
  const other = lang === 'zh' ? 'en' : 'zh';
  const text: Record<string, string> = typeof current === 'string' ? { [other]: current } : {};
  return setIn(source, path, lang === 'zh' ? { zh: value, ...text } : { ...text, en: value });
}
