// The attempt's statements as this screen knows them. The live view carries
// only the most recent ones (shared/views/live.ts, RECORD_WINDOW); every one
// it carried since the screen opened is kept here by its index, and older
// ones are fetched on request with the `record` message.
import { useRef, useState } from 'react';
import type { StatementRecord } from '../../../shared/meeting/context.ts';
import type { LiveView } from '../../../shared/views/types.ts';
import { useSession } from '../connection/session-store.ts';

const PAGE = 100;

export interface KnownStatements {
  /** The contiguous run ending at the newest statement, oldest first. */
  statements: StatementRecord[];
  /** How many older ones the screen does not have yet. */
  earlier: number;
  loading: boolean;
  loadEarlier(): void;
}

export function useStatements(live: Pick<LiveView, 'attempt' | 'record'>): KnownStatements {
  const client = useSession((s) => s.client);
  const known = useRef<{ attempt: number; byIndex: Map<number, StatementRecord> }>({
    attempt: live.attempt,
    byIndex: new Map(),
  });
  const [loading, setLoading] = useState(false);
  const [, rerender] = useState(0);
  // A retake starts a new record: forget the old one.
  if (known.current.attempt !== live.attempt) known.current = { attempt: live.attempt, byIndex: new Map() };
  const { byIndex } = known.current;
  const count = live.record.statementCount;
  const from = count - live.record.statements.length;
  for (const [i, s] of live.record.statements.entries()) byIndex.set(from + i, s);

  let first = count;
  while (first > 0 && byIndex.has(first - 1)) first--;
  const statements: StatementRecord[] = [];
  for (let i = first; i < count; i++) statements.push(byIndex.get(i) as StatementRecord);

  const loadEarlier = () => {
    if (!client || loading || first === 0) return;
    setLoading(true);
    const attempt = live.attempt;
    void client
      .record('statements', first, PAGE)
      .then((page) => {
        if (!page.ok || page.attempt !== attempt || known.current.attempt !== attempt) return;
        for (const [i, s] of (page.items as StatementRecord[]).entries())
          known.current.byIndex.set(page.from + i, s);
      })
      .catch(() => undefined)
      .finally(() => {
        setLoading(false);
        rerender((n) => n + 1);
      });
  };
  return { statements, earlier: first, loading, loadEarlier };
}
