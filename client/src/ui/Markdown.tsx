// Scenario text is Markdown written by instructors. This renders the small
// subset they use (headings, paragraphs, lists with one nested level, pipe tables, bold) as React elements: no HTML is
// ever injected, so nothing in a scenario can run in a trainee's browser.
import { Fragment, type ReactNode } from 'react';

function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*)/g).map((part, i) =>
    part.startsWith('**') && part.endsWith('**') && part.length > 4 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
      <strong key={i}>{part.slice(2, -2)}</strong>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

const LIST_ITEM = /^\s*([-*]|\d+\.)\s+/;
/** A cell that is a figure ("15,600", "0.5", "40%") is kept on one line and right-aligned. */
const NUMBER = /^[-+]?[\d,.]+%?$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const HEADING = /^(#{1,4})\s+(.*)$/;

type RunKind = 'text' | 'list' | 'table' | 'heading';
const kindOf = (line: string): RunKind =>
  TABLE_ROW.test(line) ? 'table' : LIST_ITEM.test(line) ? 'list' : HEADING.test(line) ? 'heading' : 'text';

/** A block's lines as runs: paragraph lines together, list lines together ("Watch for:" then "- …"), table rows together; each heading alone. */
function runs(lines: string[]): { kind: RunKind; lines: string[] }[] {
  const out: { kind: RunKind; lines: string[] }[] = [];
  for (const line of lines) {
    const kind = kindOf(line);
    const last = out.at(-1);
    if (last && last.kind === kind && kind !== 'heading') last.lines.push(line);
    else out.push({ kind, lines: [line] });
  }
  return out;
}

/** A pipe table ("| a | b |", then "|---|---|"): the first row is the header when a separator follows it. */
function Table({ lines }: { lines: string[] }) {
  const rows = lines.map((l) =>
    l
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim()),
  );
  const isSeparator = (row: string[] | undefined) => row?.every((c) => /^:?-{3,}:?$/.test(c)) === true;
  const head = isSeparator(rows[1]) ? rows[0] : undefined;
  const body = head ? rows.slice(2) : rows;
  return (
    <table>
      {head && (
        <thead>
          <tr>
            {head.map((c, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
              <th key={j} scope="col">
                {inline(c)}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {body.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
          <tr key={i}>
            {row.map((c, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
              <td key={j} className={NUMBER.test(c) ? 'num' : undefined}>
                {inline(c)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const indent = (line: string) => line.length - line.trimStart().length;

/** List lines indented deeper than the first become a sub-list of the item above them (one level). */
function List({ lines }: { lines: string[] }) {
  const base = indent(lines[0] ?? '');
  const items: { text: string; children: string[] }[] = [];
  for (const line of lines) {
    const last = items.at(-1);
    if (last && indent(line) > base) last.children.push(line);
    else items.push({ text: line.replace(LIST_ITEM, ''), children: [] });
  }
  const content = items.map((item, j) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
    <li key={j}>
      {inline(item.text)}
      {item.children.length > 0 && <List lines={item.children} />}
    </li>
  ));
  return /^\s*\d+\./.test(lines[0] ?? '') ? <ol>{content}</ol> : <ul>{content}</ul>;
}

const HEADING_TAGS = ['h2', 'h3', 'h4', 'h5', 'h6'] as const;

/**
 * `headingLevel` is the HTML level a "#" heading takes (default 3), so a document's
 * headings sit under the heading of the section that shows it.
 */
export function Markdown({
  text,
  className,
  headingLevel = 3,
}: {
  text: string;
  className?: string;
  headingLevel?: 2 | 3 | 4;
}) {
  const blocks = text.trim().split(/\n\s*\n/);
  return (
    <div className={className ? `markdown ${className}` : 'markdown'}>
      {blocks.flatMap((block, i) =>
        runs(block.split('\n')).map((run, k) => {
          const key = `${i}-${k}`;
          if (run.kind === 'table') return <Table key={key} lines={run.lines} />;
          if (run.kind === 'text') return <p key={key}>{inline(run.lines.join(' '))}</p>;
          if (run.kind === 'heading') {
            const [, hashes = '#', title = ''] = HEADING.exec(run.lines[0] ?? '') ?? [];
            const Tag = HEADING_TAGS[Math.min(headingLevel - 2 + hashes.length - 1, 4)] ?? 'h6';
            return <Tag key={key}>{inline(title)}</Tag>;
          }
          return <List key={key} lines={run.lines} />;
        }),
      )}
    </div>
  );
}
