// The form's edits over every shipped scenario: an edit changes exactly the
// edited value (the data elsewhere is equal, the text outside the edited
// node's lines is byte for byte the same), and comments and key order stay.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCollection, isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import {
  appendTo,
  readSource,
  removeAt,
  type StudioPath,
  setIn,
  setText,
  valueAt,
} from '../../../shared/studio/yaml-edit.ts';

const SHIPPED = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((file) => ({ file, source: readFileSync(`scenarios/${file}`, 'utf8') }));

/** Every scalar's path in the file, in document order. */
function scalarPaths(node: unknown, path: StudioPath = []): StudioPath[] {
  if (isMap(node))
    return node.items.flatMap((p) =>
      isScalar(p.key) ? scalarPaths(p.value, [...path, String(p.key.value)]) : [],
    );
  if (isSeq(node)) return node.items.flatMap((item, i) => scalarPaths(item, [...path, i]));
  return isScalar(node) ? [path] : [];
}

/** The lines [first, last] (0-based) the node at `path` spans in `source`. */
function nodeLines(source: string, path: StudioPath, doc = parseDocument(source)): [number, number] {
  const node = doc.getIn(path, true) as Node;
  const [start, , end] = node.range ?? [0, 0, 0];
  const lineOf = (at: number) => source.slice(0, at).split('\n').length - 1;
  const last = source[end - 1] === '\n' ? lineOf(end - 1) : lineOf(end);
  return [lineOf(start), last];
}

/** Data with `value` put at `path` (a deep copy), to compare whole files' meaning. */
function withValue(data: unknown, path: StudioPath, value: unknown): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = value;
  return copy;
}

/** Only lines [first, last] of `before` differ: the head and the tail are the same lines. */
function expectOnlyLinesChanged(before: string, after: string, [first, last]: [number, number]) {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.slice(0, first)).toEqual(a.slice(0, first));
  const tail = a.length - last - 1;
  expect(b.slice(b.length - tail)).toEqual(a.slice(a.length - tail));
}

const comments = (text: string) => text.split('\n').filter((l) => /^\s*#/.test(l));

describe.each(SHIPPED)('form edits on $file', ({ source }) => {
  const doc = parseDocument(source);
  const data = readSource(source);
  const paths = scalarPaths(doc.contents).filter((p) => typeof valueAt(data, p) === 'string');
  // Every 25th string scalar: titles, texts in flow maps and in blocks, ids in flow lists.
  const sample = paths.filter((_, i) => i % 25 === 0);

  it('sets a string: the value changes, nothing else in the data, only its lines in the text', () => {
    expect(sample.length).toBeGreaterThan(10);
    for (const path of sample) {
      const value = `改过的 text: with "quotes", #hash and, commas [${path.join('.')}]`;
      const after = setIn(source, path, value);
      expect(readSource(after), path.join('.')).toEqual(withValue(data, path, value));
      expectOnlyLinesChanged(source, after, nodeLines(source, path, doc));
      expect(comments(after)).toEqual(comments(source));
    }
  });

  it('keeps a block text a block: several lines in, the same lines out', () => {
    const blocks = paths.filter((p) => {
      const node = doc.getIn(p, true);
      return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
    });
    expect(blocks.length).toBeGreaterThan(0);
    for (const path of blocks.slice(0, 3)) {
      const value = '第一段。\n\nSecond paragraph: a list\n- one\n- two\n';
      const after = setIn(source, path, value);
      expect(readSource(after)).toEqual(withValue(data, path, value));
      expectOnlyLinesChanged(source, after, nodeLines(source, path, doc));
    }
  });

  it('any string, in any place, reads back as written', () => {
    const somePaths = sample.slice(0, 6);
    fc.assert(
      fc.property(
        fc.constantFrom(...somePaths),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        (path, s) => {
          const after = setIn(source, path, s);
          expect(valueAt(readSource(after), path)).toBe(s);
          expectOnlyLinesChanged(source, after, nodeLines(source, path, doc));
        },
      ),
      { numRuns: 20 },
    );
  });

  it('sets one language of a Text, keeping the other', () => {
    const title = valueAt(data, ['roles', 0, 'name']) as { zh: string; en: string };
    const after = setText(source, ['roles', 0, 'name'], 'en', 'A new name');
    expect(valueAt(readSource(after), ['roles', 0, 'name'])).toEqual({ ...title, en: 'A new name' });
    expectOnlyLinesChanged(source, after, nodeLines(source, ['roles', 0, 'name']));
  });

  it('adds a goal to a role at the end of its list, and removes it again to the same text', () => {
    const goals = (valueAt(data, ['roles', 1, 'goals']) as unknown[] | undefined) ?? [];
    const goal = { zh: '新目标', en: 'A new goal' };
    const after = appendTo(source, ['roles', 1, 'goals'], goal);
    expect(readSource(after)).toEqual(withValue(data, ['roles', 1, 'goals'], [...goals, goal]));
    expect(comments(after)).toEqual(comments(source));
    // One line more, none changed.
    expect(after.split('\n').length).toBe(source.split('\n').length + 1);
    expect(removeAt(after, ['roles', 1, 'goals', goals.length])).toBe(source);
  });

  it('adds an agenda item and a key that was not there, in the order written', () => {
    const item = {
      id: 'extra',
      title: { zh: '补充', en: 'Extra' },
      kind: 'speakers',
      order: 'queue',
      per_speaker: '2m',
    };
    const agenda = valueAt(data, ['agenda']) as unknown[];
    const after = appendTo(source, ['agenda'], item);
    const read = readSource(after);
    expect(read).toEqual(withValue(data, ['agenda'], [...agenda, item]));
    expect(Object.keys(valueAt(read, ['agenda', agenda.length]) as object)).toEqual(Object.keys(item));
    expect(removeAt(after, ['agenda', agenda.length])).toBe(source);

    const role = valueAt(data, ['roles', 0]) as Record<string, unknown>;
    const key = 'npc' in role ? 'required' : 'npc';
    const withKey = setIn(source, ['roles', 0, key], true);
    const roleAfter = valueAt(readSource(withKey), ['roles', 0]) as Record<string, unknown>;
    expect(roleAfter[key]).toBe(true);
    expect(Object.keys(roleAfter)).toEqual([...Object.keys(role).filter((k) => k !== key), key]);
    expect(removeAt(withKey, ['roles', 0, key])).toBe(source);
  });

  it('removes a middle list entry: the list loses that entry and nothing else', () => {
    const roles = valueAt(data, ['roles']) as unknown[];
    const after = removeAt(source, ['roles', 1]);
    expect(readSource(after)).toEqual(
      withValue(
        data,
        ['roles'],
        roles.filter((_, i) => i !== 1),
      ),
    );
    // The comments of the other roles stay (the removed role's own lines go with it).
    const [first, last] = nodeLines(source, ['roles', 1]);
    const kept = source.split('\n').filter((_, i) => i < first || i > last);
    expect(after.split('\n')).toEqual(kept);
  });
});

describe('edits on small texts', () => {
  it('adds a key to a flow map and a new language to a plain Text', () => {
    const source = 'title: { zh: 标题 } # the title\nsummary: Plain\n';
    expect(setIn(source, ['title', 'en'], 'Title')).toBe(
      'title: { zh: 标题, en: Title } # the title\nsummary: Plain\n',
    );
    expect(setText(source, ['summary'], 'zh', '概要')).toBe(
      'title: { zh: 标题 } # the title\nsummary: { zh: 概要, en: Plain }\n',
    );
  });

  it('quotes what would not read back plain, and keeps the quoting written', () => {
    expect(setIn('a: x\n', ['a'], 'true')).toBe('a: "true"\n');
    expect(setIn('a: x\n', ['a'], 'a: b #c')).toBe('a: "a: b #c"\n');
    expect(setIn('a: x\n', ['a'], '12')).toBe('a: "12"\n');
    expect(setIn('a: [x, y]\n', ['a', 1], 'b, c')).toBe('a: [x, "b, c"]\n');
    expect(setIn("a: 'x'\n", ['a'], "it's")).toBe("a: 'it''s'\n");
    expect(setIn('a: x\n', ['a'], 90)).toBe('a: 90\n');
  });

  it('removes the last entry of a list with its key, and adds to a list that is missing', () => {
    const source = 'id: r\ngoals:\n  - one # only\nname: n\n';
    expect(removeAt(source, ['goals', 0])).toBe('id: r\nname: n\n');
    expect(appendTo('id: r\nname: n\n', ['goals'], 'one')).toBe('id: r\nname: n\ngoals: [one]\n');
    expect(appendTo('a: [x]\n', ['a'], 'y')).toBe('a: [x, y]\n');
  });

  it('refuses a file that is not YAML', () => {
    expect(() => setIn('a: [x\n', ['a'], 'y')).toThrow(/syntax/);
  });
});

it('every sampled path is a real scalar (the walk is not empty)', () => {
  const { source } = SHIPPED[0] as { source: string };
  expect(scalarPaths(parseDocument(source).contents).length).toBeGreaterThan(200);
  expect(isCollection(parseDocument(source).contents)).toBe(true);
});
