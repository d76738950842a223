import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocatedIssue } from '../../../shared/scenario/source.ts';
import type { ScenarioSummary } from '../../../shared/views/scenario-public.ts';
import { localize } from '../ui/text.ts';

type LibraryRow =
  | ({ status: 'valid' } & ScenarioSummary)
  | { status: 'invalid'; id: string; issues: LocatedIssue[] };

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; rows: LibraryRow[] };

export function LibraryList() {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/scenarios', { signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const body = (await res.json()) as { scenarios: LibraryRow[] };
        setLoad({ state: 'ready', rows: body.scenarios });
      })
      .catch((error: Error) => {
        if (!controller.signal.aborted) setLoad({ state: 'failed', message: error.message });
      });
    return () => controller.abort();
  }, []);

  return (
    <section aria-labelledby="library-heading">
      <h2 id="library-heading">{t('library.heading')}</h2>
      {load.state === 'loading' && <p role="status">{t('library.loading')}</p>}
      {load.state === 'failed' && <p role="alert">{t('library.failed', { message: load.message })}</p>}
      {load.state === 'ready' && load.rows.length === 0 && <p>{t('library.empty')}</p>}
      {load.state === 'ready' && (
        <ul className="library">
          {load.rows.map((row) =>
            row.status === 'valid' ? (
              <li key={row.id} className="scenario-card" data-scenario={row.id}>
                <p className="meeting-kind">{t(`meeting.${row.meeting}`)}</p>
                <h3>{localize(row.title, i18n.language)}</h3>
                <p>{localize(row.summary, i18n.language)}</p>
                <p className="meta">
                  {t('library.minutes', { count: Math.round(row.duration / 60) })} ·{' '}
                  {t('library.roles', { count: row.roleCount })} ·{' '}
                  {t('library.items', { count: row.itemCount })}
                </p>
              </li>
            ) : (
              <li key={row.id} className="scenario-card invalid" data-scenario={row.id}>
                <h3>{row.id}</h3>
                <p>
                  {t('library.invalid')} ({t('library.issues', { count: row.issues.length })})
                </p>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}
