import { Fragment, lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocatedIssue } from '../../../shared/scenario/source.ts';
import type { ScenarioSummary } from '../../../shared/views/scenario-public.ts';
import { traineesLabel } from '../ui/class-size.ts';
import { localize } from '../ui/text.ts';

// Loaded on demand: the home page is in every screen's first download.
const ScenarioPreview = lazy(() => import('./ScenarioPreview.tsx'));

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
  const [previewing, setPreviewing] = useState<string | null>(null);

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
              <Fragment key={row.id}>
                <li className="scenario-card" data-scenario={row.id}>
                  <p className="meeting-kind">{t(`meeting.${row.meeting}`)}</p>
                  <h3>{localize(row.title, i18n.language)}</h3>
                  <p>{localize(row.summary, i18n.language)}</p>
                  <p className="meta">
                    <strong data-testid={`trainees-${row.id}`}>{traineesLabel(t, row.trainees)}</strong> ·{' '}
                    {t('library.minutes', { count: Math.round(row.duration / 60) })} ·{' '}
                    {t('library.roles', { count: row.roleCount })} ·{' '}
                    {t('library.items', { count: row.itemCount })}
                  </p>
                  <button
                    type="button"
                    className="small"
                    aria-expanded={previewing === row.id}
                    onClick={() => setPreviewing(previewing === row.id ? null : row.id)}
                    data-testid={`preview-open-${row.id}`}
                  >
                    {previewing === row.id ? t('preview.close') : t('preview.open')}
                    <span className="visually-hidden">
                      {t('preview.of', { title: localize(row.title, i18n.language) })}
                    </span>
                  </button>
                </li>
                {previewing === row.id && (
                  <li className="scenario-preview-row">
                    <Suspense fallback={<p role="status">{t('preview.loading')}</p>}>
                      <ScenarioPreview scenarioId={row.id} onClose={() => setPreviewing(null)} />
                    </Suspense>
                  </li>
                )}
              </Fragment>
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
