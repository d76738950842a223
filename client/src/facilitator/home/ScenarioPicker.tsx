import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocatedIssue } from '../../../../shared/scenario/source.ts';
import type { ScenarioSummary } from '../../../../shared/views/scenario-public.ts';
import { refreshAccount } from '../../account/api.ts';
import { navigate } from '../../app/router.ts';
import { ScenarioPreview } from '../../home/ScenarioPreview.tsx';
import { traineesLabel } from '../../ui/class-size.ts';
import { useLocalize } from '../../ui/text.ts';
import '../../roster/strings.ts';
import { type Cohort, type Course, listCohorts, listCourses } from '../../roster/api.ts';
import { ApiError, createSession } from '../api.ts';

type Row =
  | ({ status: 'valid' } & ScenarioSummary)
  | { status: 'invalid'; id: string; file?: string; issues: LocatedIssue[] };
type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; rows: Row[] };

/** The scenario library with a "create session" button on each valid scenario. */
export function ScenarioPicker() {
  const { t } = useTranslation();
  const L = useLocalize();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [creating, setCreating] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState<string | null>(null);
  const [courses, setCourses] = useState<Course[]>([]);
  const [cohorts, setCohorts] = useState<Cohort[]>([]);
  const [group, setGroup] = useState({ courseId: '', cohortId: '' });

  useEffect(() => {
    Promise.all([listCourses(), listCohorts()])
      .then(([c, h]) => {
        setCourses(c);
        setCohorts(h);
      })
      .catch(() => {});
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/scenarios', { signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        setLoad({ state: 'ready', rows: ((await res.json()) as { scenarios: Row[] }).scenarios });
      })
      .catch((e: Error) => {
        if (!controller.signal.aborted) setLoad({ state: 'failed', message: e.message });
      });
    return () => controller.abort();
  }, []);

  const create = async (scenarioId: string) => {
    setCreating(scenarioId);
    setError(null);
    try {
      const created = await createSession(scenarioId, undefined, {
        ...(group.courseId && { courseId: group.courseId }),
        ...(group.cohortId && { cohortId: group.cohortId }),
      });
      navigate(created.links.facilitator);
    } catch (e) {
      // Signed out meanwhile: the page asks to sign in again.
      if (e instanceof ApiError && e.status === 401) return void refreshAccount();
      setError(t('facilitator.library.createFailed', { message: (e as Error).message }));
      setCreating(null);
    }
  };

  const createButton = (scenarioId: string, title: string, testPrefix = '') => (
    <button
      type="button"
      className="primary"
      onClick={() => void create(scenarioId)}
      disabled={creating !== null}
      aria-label={t('facilitator.library.createFor', { title })}
      data-testid={`${testPrefix}create-session-${scenarioId}`}
    >
      {creating === scenarioId ? t('facilitator.library.creating') : t('facilitator.library.create')}
    </button>
  );

  return (
    <section aria-labelledby="fac-library-heading" className="fac-library">
      <h2 id="fac-library-heading">{t('facilitator.library.heading')}</h2>
      <p className="hint">{t('facilitator.library.intro')}</p>
      {(courses.length > 0 || cohorts.length > 0) && (
        <div className="roster-bar fac-group-pick">
          <label>
            <span>{t('roster.session.course')}</span>
            <select
              data-testid="new-session-course"
              value={group.courseId}
              onChange={(e) => setGroup({ ...group, courseId: e.target.value })}
            >
              <option value="">{t('roster.session.none')}</option>
              {courses.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('roster.session.cohort')}</span>
            <select
              data-testid="new-session-cohort"
              value={group.cohortId}
              onChange={(e) => {
                const cohort = cohorts.find((h) => h.id === e.target.value);
                setGroup({ courseId: cohort?.courseId ?? group.courseId, cohortId: e.target.value });
              }}
            >
              <option value="">{t('roster.session.none')}</option>
              {cohorts.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {load.state === 'loading' && <p role="status">{t('library.loading')}</p>}
      {load.state === 'failed' && <p role="alert">{t('library.failed', { message: load.message })}</p>}
      {error && (
        <p className="fac-error" role="alert">
          {error}
        </p>
      )}
      {load.state === 'ready' && load.rows.length === 0 && <p>{t('library.empty')}</p>}
      {load.state === 'ready' && (
        <ul className="library">
          {load.rows.map((row) =>
            row.status === 'valid' ? (
              <Fragment key={row.id}>
                <li className="scenario-card fac-scenario" data-testid={`scenario-${row.id}`}>
                  <p className="meeting-kind">{t(`meeting.${row.meeting}`)}</p>
                  <h3>{L(row.title)}</h3>
                  <p className="fac-summary">{L(row.summary)}</p>
                  <p className="meta">
                    <strong data-testid={`trainees-${row.id}`}>{traineesLabel(t, row.trainees)}</strong> ·{' '}
                    {t('library.minutes', { count: Math.round(row.duration / 60) })} ·{' '}
                    {t('library.roles', { count: row.roleCount })} ·{' '}
                    {t('library.items', { count: row.itemCount })}
                  </p>
                  <div className="fac-scenario-actions">
                    <button
                      type="button"
                      aria-expanded={previewing === row.id}
                      onClick={() => setPreviewing(previewing === row.id ? null : row.id)}
                      data-testid={`preview-open-${row.id}`}
                    >
                      {previewing === row.id ? t('preview.close') : t('preview.open')}
                      <span className="visually-hidden">{t('preview.of', { title: L(row.title) })}</span>
                    </button>
                    {createButton(row.id, L(row.title))}
                  </div>
                </li>
                {previewing === row.id && (
                  <li className="scenario-preview-row">
                    <ScenarioPreview
                      scenarioId={row.id}
                      onClose={() => setPreviewing(null)}
                      actions={createButton(row.id, L(row.title), 'preview-')}
                    />
                  </li>
                )}
              </Fragment>
            ) : (
              <li key={row.id} className="scenario-card invalid" data-testid={`scenario-${row.id}`}>
                <h3>{row.id}</h3>
                <p>
                  {t('library.invalid')} ({t('library.issues', { count: row.issues.length })})
                </p>
                <details>
                  <summary>{t('facilitator.library.showIssues')}</summary>
                  <ul className="fac-issues">
                    {row.issues.slice(0, 8).map((issue) => (
                      <li key={`${issue.line}:${issue.column}:${issue.code}`}>
                        <code>
                          {issue.file}:{issue.line}:{issue.column}
                        </code>{' '}
                        {issue.message}
                      </li>
                    ))}
                  </ul>
                  <p className="hint">{t('facilitator.library.checkHint')}</p>
                </details>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}
