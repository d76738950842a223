// Scenario text is Markdown written by instructors. This renders the small
// subset they use (paragraphs, lists, pipe tables, bold) as React elements: no HTML is
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

type RunKind = 'text' | 'list' | 'table';
const kindOf = (line: string): RunKind =>
  TABLE_ROW.test(line) ? 'table' : LIST_ITEM.test(line) ? 'list' : 'text';

/** A block's lines as runs: paragraph lines together, list lines together ("Watch for:" then "- …"), table rows together. */
function runs(lines: string[]): { kind: RunKind; lines: string[] }[] {
  const out: { kind: RunKind; lines: string[] }[] = [];
  for (const line of lines) {
    const kind = kindOf(line);
    const last = out.at(-1);
    if (last && last.kind === kind) last.lines.push(line);
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

export function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = text.trim().split(/\n\s*\n/);
  return (
    <div className={className ? `markdown ${className}` : 'markdown'}>
      {blocks.flatMap((block, i) =>
        runs(block.split('\n')).map((run, k) => {
          const key = `${i}-${k}`;
          if (run.kind === 'table') return <Table key={key} lines={run.lines} />;
          if (run.kind === 'text') return <p key={key}>{inline(run.lines.join(' '))}</p>;
          const items = run.lines.map((l, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
            <li key={j}>{inline(l.replace(LIST_ITEM, ''))}</li>
          ));
          return /^\s*\d+\./.test(run.lines[0] ?? '') ? (
            <ol key={key}>{items}</ol>
          ) : (
            <ul key={key}>{items}</ul>
          );
        }),
      )}
    </div>
  );
}
