// Every Text of a scenario as written, with its Chinese and English side by
// side and where it is in the file: the studio's bilingual panel, and the
// count of texts missing a language (shipped scenarios must have both).
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { formatPath } from '../scenario/issues.ts';

export interface TextPair {
  path: string;
  line: number;
  zh: string | null;
  en: string | null;
  /** Written as one plain string: the same text in both languages, not yet translated. */
  plain: boolean;
}

/** Keys whose value is a Text, or a list of Texts (docs/scenario-format.md). */
const TEXT_KEYS = new Set([
  'title',
  'summary',
  'background',
  'label',
  'value',
  'body',
  'name',
  'affiliation',
  'public',
  'brief',
  'goals',
  'secrets',
  'red_lines',
  'guidance',
  'motion',
  'asks',
  'questions',
  'indicators',
  'text',
  'prompt',
  'note',
]);

export function textPairs(source: string): TextPair[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  if (doc.errors.length > 0) return [];
  const out: TextPair[] = [];
  const line = (node: Node | null | undefined) => lineCounter.linePos(node?.range?.[0] ?? 0).line;
  const asText = (node: unknown, path: (string | number)[]) => {
    if (isScalar(node) && typeof node.value === 'string') {
      out.push({ path: formatPath(path), line: line(node), zh: node.value, en: node.value, plain: true });
    } else if (isMap(node)) {
      const get = (lang: string) => {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === lang);
        return pair && isScalar(pair.value) && typeof pair.value.value === 'string' ? pair.value.value : null;
      };
      const keys = node.items.map((p) => (isScalar(p.key) ? p.key.value : null));
      if (keys.every((k) => k === 'zh' || k === 'en'))
        out.push({
          path: formatPath(path),
          line: line(node as Node),
          zh: get('zh'),
          en: get('en'),
          plain: false,
        });
    }
  };
  const walk = (node: unknown, path: (string | number)[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (key.startsWith('x-')) continue;
        const at = [...path, key];
        if (TEXT_KEYS.has(key)) {
          if (isSeq(pair.value)) for (const [i, item] of pair.value.items.entries()) asText(item, [...at, i]);
          else if (isScalar(pair.value) || isTextMap(pair.value)) asText(pair.value, at);
          else walk(pair.value, at);
        } else walk(pair.value, at);
      }
    } else if (isSeq(node)) for (const [i, item] of node.items.entries()) walk(item, [...path, i]);
  };
  walk(doc.contents, []);
  return out;
}

function isTextMap(node: unknown): boolean {
  return (
    isMap(node) &&
    node.items.length > 0 &&
    node.items.every((p) => isScalar(p.key) && (p.key.value === 'zh' || p.key.value === 'en'))
  );
}

/** Missing a language: a map without zh or en (or with an empty one), or one plain string for both. */
export function missingLanguage(pair: TextPair): boolean {
  return pair.plain || pair.zh === null || pair.en === null || pair.zh.trim() === '' || pair.en.trim() === '';
}
